import { describe, expect, it } from 'vitest';
import { parseFigure } from './figure';

describe('figure fields', () => {
  it('keeps decimals, signs, full-width digits and thousands separators', () => {
    expect(parseFigure('98.5', ['%'])).toEqual({ kind: 'value', value: 98.5 });
    expect(parseFigure('-3', ['件'])).toEqual({ kind: 'value', value: -3 });
    expect(parseFigure('１２', ['件'])).toEqual({ kind: 'value', value: 12 });
    expect(parseFigure('1,200', ['人次'])).toEqual({ kind: 'value', value: 1200 });
  });

  it('takes a unit typed after the number when it is one of the figure’s units', () => {
    expect(parseFigure('28份', ['次', '件', '份'])).toEqual({ kind: 'value', value: 28, unit: '份' });
    expect(parseFigure('96.3％', ['%'])).toEqual({ kind: 'value', value: 96.3, unit: '%' });
    expect(parseFigure('7 场次', ['场次', '次'])).toEqual({ kind: 'value', value: 7, unit: '场次' });
  });

  it('says what is wrong instead of emptying the field', () => {
    expect(parseFigure('28箱', ['次', '件'])).toEqual({
      kind: 'invalid',
      message: '“箱”不是这项数据的单位，可用的单位：次、件。',
    });
    expect(parseFigure('约三十', ['件']).kind).toBe('invalid');
  });

  it('leaves half-typed numbers alone', () => {
    expect(parseFigure('98.', ['%']).kind).toBe('incomplete');
    expect(parseFigure('-', ['件']).kind).toBe('incomplete');
    expect(parseFigure('  ', ['件']).kind).toBe('empty');
  });
});
