import net from "node:net";

export type RawResponse = { status: number; bytes: number };

/**
 * One keep-alive HTTP/1.1 connection with one request in flight, parsing only the status line and
 * Content-Length. Hand-rolled because node:http and fetch cost more CPU per request than the
 * servers under test on a 2-core machine: the generator must not be what bounds the figure.
 */
export class HttpConnection {
  private socket: net.Socket | null = null;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: { resolve: (r: RawResponse) => void; reject: (e: Error) => void } | null = null;
  private readonly host: string;
  private readonly port: number;

  constructor(host: string, port: number) {
    this.host = host;
    this.port = port;
  }

  send(request: Buffer): Promise<RawResponse> {
    if (this.pending) return Promise.reject(new Error("a request is already in flight"));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.ensureSocket().write(request);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private ensureSocket(): net.Socket {
    if (this.socket) return this.socket;
    const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    const fail = (error: Error) => {
      this.socket = null;
      this.buffer = Buffer.alloc(0);
      const p = this.pending;
      this.pending = null;
      p?.reject(error);
    };
    socket.on("error", fail);
    socket.on("close", () => fail(new Error("connection closed")));
    this.socket = socket;
    return socket;
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const headerEnd = this.buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) return;
    const head = this.buffer.toString("latin1", 0, headerEnd);
    const status = Number(head.slice(9, 12));
    const match = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!match) {
      this.pending?.reject(new Error("response without Content-Length"));
      this.pending = null;
      this.close();
      return;
    }
    const total = headerEnd + 4 + Number(match[1]);
    if (this.buffer.length < total) return;
    this.buffer = this.buffer.subarray(total);
    const p = this.pending;
    this.pending = null;
    p?.resolve({ status, bytes: total });
  }
}

/** Serializes a request once; the generator writes the same bytes many times. */
export function serializeRequest(req: {
  method: string;
  path: string;
  host: string;
  headers?: Record<string, string>;
  body?: string;
}): Buffer {
  const body = req.body === undefined ? null : Buffer.from(req.body, "utf8");
  const lines = [`${req.method} ${req.path} HTTP/1.1`, `Host: ${req.host}`, "Connection: keep-alive"];
  for (const [key, value] of Object.entries(req.headers ?? {})) lines.push(`${key}: ${value}`);
  if (body) lines.push(`Content-Length: ${body.length}`);
  const head = Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1");
  return body ? Buffer.concat([head, body]) : head;
}
