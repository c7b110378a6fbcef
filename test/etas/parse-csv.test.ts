import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "../../web/server/etas/parse-csv.ts";

describe("parseCsv", () => {
  it.each<[string, string, string[][]]>([
    [
      "plain LF records",
      "a,b\n1,2\n",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "CRLF records, no final newline",
      "a,b\r\n1,2",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "quoted comma",
      'sku,msg\nX,"ships, soon"\n',
      [
        ["sku", "msg"],
        ["X", "ships, soon"],
      ],
    ],
    ["escaped quotes", '"say ""hi""",x\n', [['say "hi"', "x"]]],
    ["line break inside quotes", '"a\r\nb",c\r\n', [["a\r\nb", "c"]]],
    [
      "empty fields kept",
      "a,,c\n,,\n",
      [
        ["a", "", "c"],
        ["", "", ""],
      ],
    ],
    ["empty quoted field", '"",x\n', [["", "x"]]],
    ["a blank line is an empty record", "a\n\n\r\nb\n", [["a"], [""], [""], ["b"]]],
    ["BOM dropped", "\uFEFFsku,eta\n", [["sku", "eta"]]],
    ["spaces are data", " a , b \n", [[" a ", " b "]]],
    ["empty input", "", []],
  ])("%s", (_name, text, records) => {
    expect(parseCsv(text)).toEqual({ ok: true, records });
  });

  it.each<[string, string, number, string]>([
    ["unclosed quote", 'a,b\n1,"oops\n', 2, "a quoted field is not closed"],
    ["quote inside unquoted field", 'a\nx"y\n', 2, "a quote inside an unquoted field"],
    ["text after closing quote", 'a\n"x"y,1\n', 2, "text after a closing quote"],
  ])("rejects %s with its record number", (_name, text, record, message) => {
    expect(parseCsv(text)).toEqual({ ok: false, record, message });
  });

  it("round-trips what toCsv writes", () => {
    const rows = [
      ["sku", "message"],
      ["A-1", 'He said "soon", then\nleft'],
      ["", ""],
    ];
    expect(toCsv(rows)).toBe('sku,message\r\nA-1,"He said ""soon"", then\nleft"\r\n,\r\n');
    expect(parseCsv(toCsv(rows))).toEqual({ ok: true, records: rows });
  });
});
