import net from "node:net";

/** `preferred` when nothing listens on it, else a free port the OS picks. */
export async function pickPort(preferred: number, host = "127.0.0.1"): Promise<number> {
  if (preferred > 0 && (await isFree(preferred, host))) return preferred;
  return listenOnce(0, host);
}

async function isFree(port: number, host: string): Promise<boolean> {
  try {
    await listenOnce(port, host);
    // The app listens on every interface: the port must be free there too.
    if (host !== "::")
      await listenOnce(port, "::").catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "EAFNOSUPPORT" && error.code !== "EADDRNOTAVAIL") throw error;
      });
    return true;
  } catch {
    return false;
  }
}

function listenOnce(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      server.close(() => resolve(bound));
    });
  });
}
