import { describe, expect, it } from "vitest";
import { detectDelimiter, parseCsv } from "./read-csv.ts";
import { toCsv } from "./write-csv.ts";

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
    [
      "semicolons with a BOM and quoted fields (European Excel)",
      '\uFEFFsku;eta;message\r\n"A;1";2027-01-05;"say ""hi"", then; go"\r\n',
      [
        ["sku", "eta", "message"],
        ["A;1", "2027-01-05", 'say "hi", then; go'],
      ],
    ],
    [
      "commas win over semicolons in the header",
      "sku,message\nA,x;y;z\n",
      [
        ["sku", "message"],
        ["A", "x;y;z"],
      ],
    ],
    ["a defused cell reads back as written", "'=1+2,'-x,'abc\n", [["=1+2", "-x", "'abc"]]],
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

  it("detects the separator from the header line only, ignoring quoted ones", () => {
    expect(detectDelimiter('"a;b;c",d\n1;2;3;4\n')).toBe(",");
    expect(detectDelimiter("a;b\n1,2,3\n")).toBe(";");
    expect(detectDelimiter("")).toBe(",");
  });
});

describe("toCsv", () => {
  it("defuses text cells that start like a formula, and leaves numbers as numbers", () => {
    expect(
      toCsv([["=SUM(A1)", "+1", "-x", "@cmd", "\tTab", "\rCR", "a=b", -2, 0, 5n, null, undefined, ""]]),
    ).toBe(`'=SUM(A1),'+1,'-x,'@cmd,'\tTab,"'\rCR",a=b,-2,0,5,,,\r\n`);
  });
});
