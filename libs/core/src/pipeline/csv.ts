/**
 * Reads CSV as RFC 4180 writes it: commas, CRLF or LF line ends, double quotes around a cell
 * that holds either (a quote inside doubled). A line of nothing is skipped. Throws a message
 * naming the line of the first problem.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(cell);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    cell = '';
  };
  for (; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === '"') {
      throw new Error(`line ${line}: a quote inside a cell that does not start with one`);
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
    } else {
      cell += char;
    }
  }
  if (quoted) throw new Error(`line ${line}: a quoted cell is not closed`);
  endRow();
  return rows;
}
