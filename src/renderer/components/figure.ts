/**
 * What the clerk types into a figure field: "98.5", "28份", "-3", "１２" (full-width), "1,200". A number
 * is read whole or not at all: never a digit dropped, never a sign lost, never the field emptied.
 */
/** A figure as the report keeps it: the number, and the unit when the clerk typed one. */
export interface Figure {
  value: number;
  unit?: string;
}

export type FigureInput =
  | { kind: 'empty' }
  | { kind: 'value'; value: number; unit?: string }
  | { kind: 'incomplete' }
  | { kind: 'invalid'; message: string };

const FULL_WIDTH = /[０-９．－＋％]/g;

function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[−—]/g, '-');
}

export function parseFigure(text: string, units: readonly string[]): FigureInput {
  const raw = halfWidth(text.trim());
  if (raw === '') return { kind: 'empty' };
  // Half-typed numbers ("-", "98.") stay in the field as typed until the next key.
  if (/^[-+]?$|^[-+]?\d[\d,]*\.$/.test(raw)) return { kind: 'incomplete' };
  const m = /^([-+]?\d[\d,]*(?:\.\d+)?)\s*(.*)$/.exec(raw);
  if (!m) return { kind: 'invalid', message: '请填写数字，例如 28 或 98.5。' };
  const number = m[1]!.replace(/,/g, '');
  const value = Number(number);
  if (!Number.isFinite(value)) return { kind: 'invalid', message: '请填写数字，例如 28 或 98.5。' };
  const unit = m[2]!.trim();
  if (unit === '') return { kind: 'value', value };
  const known = units.find((u) => u === unit || (u === '%' && unit === '％'));
  if (known) return { kind: 'value', value, unit: known };
  return { kind: 'invalid', message: `“${unit}”不是这项数据的单位，可用的单位：${units.join('、')}。` };
}
