/**
 * An incremental RFC 4180 CSV reader: text goes in chunk by chunk, complete records come
 * out, so a file of any size is read in constant memory. Quoted fields may hold the
 * delimiter, quotes (doubled) and line breaks; records end in LF, CRLF or CR. The
 * delimiter (comma, semicolon or tab — Excel's choice depends on the locale) is taken from
 * the first line.
 */

/** Reads CSV text pushed in pieces. */
export class CsvReader {
  private delimiter: string | null = null;
  private field = '';
  private record: string[] = [];
  private inQuotes = false;
  /** The previous character closed a quoted section (a following `"` is an escaped quote). */
  private quoteClosed = false;
  private pendingCr = false;
  private head = '';

  /** Adds text and returns the records completed by it. */
  push(text: string): string[][] {
    if (this.delimiter === null) {
      this.head += text;
      const firstBreak = this.head.search(/[\r\n]/);
      if (firstBreak < 0 && this.head.length < 65_536) return [];
      this.delimiter = sniffDelimiter(firstBreak < 0 ? this.head : this.head.slice(0, firstBreak));
      const all = this.head;
      this.head = '';
      return this.consume(all);
    }
    return this.consume(text);
  }

  /** Ends the input and returns the last record, if any. */
  end(): string[][] {
    const out = this.delimiter === null ? this.push('\n') : [];
    if (this.field !== '' || this.record.length > 0 || this.inQuotes) {
      this.record.push(this.field);
      out.push(this.record);
    }
    this.field = '';
    this.record = [];
    this.inQuotes = false;
    return out;
  }

  private consume(text: string): string[][] {
    const out: string[][] = [];
    const delimiter = this.delimiter ?? ',';
    let field = this.field;
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i] as string;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (ch === '\n') continue;
      }
      if (this.inQuotes) {
        if (ch === '"') {
          this.inQuotes = false;
          this.quoteClosed = true;
        } else {
          field += ch;
        }
        continue;
      }
      if (ch === '"') {
        // `""` inside a quoted field is a quote; a quote opening a field starts quoting;
        // a stray quote in the middle of unquoted text is kept as text.
        if (this.quoteClosed) field += '"';
        if (this.quoteClosed || field === '') this.inQuotes = true;
        else field += ch;
        this.quoteClosed = false;
        continue;
      }
      this.quoteClosed = false;
      if (ch === delimiter) {
        this.record.push(field);
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        this.record.push(field);
        field = '';
        out.push(this.record);
        this.record = [];
        if (ch === '\r') this.pendingCr = true;
      } else {
        field += ch;
      }
    }
    this.field = field;
    return out;
  }
}

/** The delimiter used most often outside quotes in `line`; comma by default. */
export function sniffDelimiter(line: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > (counts.get(best) ?? 0)) best = ch;
  return best;
}

/** Quotes a field only when it must be (delimiter, quote, CR, LF), doubling inner quotes. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
