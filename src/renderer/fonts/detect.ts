/**
 * Is a font installed on this machine? The page cannot list system fonts (that needs a permission we
 * refuse), so measure: text set in "<font>, <fallback>" differs in width from the fallback alone only
 * when the font is there. Latin letters are measured because every CJK font has its own Latin widths,
 * while CJK glyphs are one em in all of them.
 */
import { requiredFonts, type FontProfileId } from '../../core/export/fonts';

const SAMPLE = 'mmmmmmmmmmlliWWwwabcdefghijklmnopqrstuvwxyz0123456789';
const FALLBACKS = ['monospace', 'serif', 'sans-serif'];

let context: CanvasRenderingContext2D | null | undefined;

function width(font: string): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return 0;
  context.font = `32px ${font}`;
  return context.measureText(SAMPLE).width;
}

export function isFontInstalled(name: string): boolean {
  return FALLBACKS.some((fallback) => width(`"${name}", ${fallback}`) !== width(fallback));
}

export function missingFonts(names: readonly string[]): string[] {
  return names.filter((name) => !isFontInstalled(name));
}

/** Fonts of a profile this machine lacks (Times New Roman is everywhere a report is opened). */
export function missingProfileFonts(profile: FontProfileId): string[] {
  return missingFonts(requiredFonts(profile).filter((f) => f !== 'Times New Roman'));
}
