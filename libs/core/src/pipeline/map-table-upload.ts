import { InvalidParameterError } from '../common/api-error.js';
import { parseCsv } from './csv.js';
import { MAP_TABLE_LIMITS, rowOf, type MapTableContent } from './map-table.js';

/** An upload as the API receives it, its types already checked by the DTO. */
export interface MapTableUpload {
  keyColumn: string;
  csv?: string;
  rows?: Record<string, unknown>[];
}

function invalid(problem: string): InvalidParameterError {
  return new InvalidParameterError(`invalid map table: ${problem}`, [problem]);
}

function fromCsv(csv: string): { columns: string[]; rows: Record<string, string>[] } {
  let lines: string[][];
  try {
    lines = parseCsv(csv);
  } catch (error) {
    throw invalid(`csv: ${(error as Error).message}`);
  }
  const [header, ...body] = lines;
  if (header === undefined) throw invalid('csv: no header line');
  const columns = header.map((column) => column.trim());
  body.forEach((cells, index) => {
    if (cells.length !== columns.length) {
      throw invalid(
        `csv: line ${index + 2} has ${cells.length} cells, the header ${columns.length}`,
      );
    }
  });
  return { columns, rows: body.map((cells) => rowOf(columns, cells)) };
}

function fromRows(rows: Record<string, unknown>[]): {
  columns: string[];
  rows: Record<string, string>[];
} {
  const columns = new Set<string>();
  const texts = rows.map((row, index) => {
    const entries = Object.entries(row).map(([column, value]) => {
      if (typeof value !== 'string' && typeof value !== 'number') {
        throw invalid(`rows[${index}].${column}: cells are text or numbers`);
      }
      columns.add(column);
      return String(value);
    });
    return rowOf(Object.keys(row), entries);
  });
  return { columns: [...columns], rows: texts };
}

/**
 * The table in its stored form, or a 400 naming what is wrong: the bounds (rows, columns, size of
 * a cell), a key column that is missing, empty or repeated.
 */
export function parseMapTable(upload: MapTableUpload): MapTableContent {
  if ((upload.csv === undefined) === (upload.rows === undefined)) {
    throw invalid('give the table as csv or as rows, one of them');
  }
  const { columns, rows } =
    upload.csv !== undefined ? fromCsv(upload.csv) : fromRows(upload.rows ?? []);
  const { keyColumn } = upload;
  if (rows.length > MAP_TABLE_LIMITS.rows) {
    throw invalid(`more than ${MAP_TABLE_LIMITS.rows} rows`);
  }
  if (columns.length > MAP_TABLE_LIMITS.columns) {
    throw invalid(`more than ${MAP_TABLE_LIMITS.columns} columns`);
  }
  if (!columns.includes(keyColumn)) {
    throw invalid(`keyColumn "${keyColumn}" is not a column (columns: ${columns.join(', ')})`);
  }
  const keys = new Set<string>();
  rows.forEach((row, index) => {
    const key = row[keyColumn] ?? '';
    if (key === '') throw invalid(`row ${index + 1} has no ${keyColumn}`);
    if (keys.has(key)) throw invalid(`row ${index + 1} repeats the key "${key}"`);
    keys.add(key);
    for (const column of columns) {
      if ((row[column] ?? '').length > MAP_TABLE_LIMITS.cellLength) {
        throw invalid(`row ${index + 1}: ${column} is longer than ${MAP_TABLE_LIMITS.cellLength}`);
      }
    }
  });
  return { keyColumn, columns, rows };
}
