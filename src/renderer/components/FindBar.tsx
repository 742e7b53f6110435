/**
 * 查找和替换 (Ctrl+F, Ctrl+H) over the whole report (editor/find.ts), as Word's: the selected words are
 * searched for at once; typing shows the first match; Enter goes to the next match, Shift+Enter to the
 * previous one (not while an IME is composing); 替换 replaces the current match (finding one first if none
 * is shown) and shows the next, 全部替换 replaces all of them.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PlainText } from '../../core/model/plainText';
import { findMatches, type Match } from '../editor/find';
import { matchNow } from '../editor/stale';
import { isImeKey } from '../plugins/ImeSafeKeysPlugin';

interface Props {
  /** The text of the last check (found in as the clerk types the words). */
  plain: PlainText;
  /** The text as it is now: 替换 and 全部替换 act on it (the last check may be a moment old). */
  plainNow: () => PlainText;
  replacing: boolean;
  readOnly: boolean;
  /** Show a match (highlighted, in sight) while the focus stays in the bar; null: none. */
  onSelect: (match: Match | null) => void;
  /** Replace the given matches (from the last to the first, so offsets hold). */
  onReplace: (matches: Match[], replacement: string) => void;
  /** Closing with a match shown selects it in the text, as Word does. */
  onClose: (match?: Match) => void;
}

/** The words selected where the clerk was (the editor or a field), to search for: one line, not too long. */
function selectedWords(): string {
  const active = document.activeElement;
  if (active?.closest('.find-bar')) return '';
  const text =
    active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement
      ? active.value.slice(active.selectionStart ?? 0, active.selectionEnd ?? 0)
      : (window.getSelection()?.toString() ?? '');
  return text.includes('\n') || text.trim().length > 100 ? '' : text.trim();
}

export function FindBar({ plain, plainNow, replacing, readOnly, onSelect, onReplace, onClose }: Props) {
  const [needle, setNeedle] = useState(selectedWords);
  const [replacement, setReplacement] = useState('');
  const [current, setCurrent] = useState(-1);
  /**
   * 全部替换 says how many it replaced, as Word's "完成 N 处替换", while nothing is left to find (not once Ctrl+Z
   * brings the words back) and until the clerk searches or steps on.
   */
  const [replacedAll, setReplacedAll] = useState<{ needle: string; count: number } | null>(null);
  /** After 替换: the plain-text offset from which the next match is shown, once the text has changed. */
  const resumeAt = useRef<number | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const checkedMatches = useMemo(() => findMatches(plain, needle), [plain, needle]);
  /**
   * ↑/↓ (or Enter) pressed after the text changed but before it was searched anew (right after 替换): the
   * matches of the text as it was then, until the next check brings a new `plain`.
   */
  const [ahead, setAhead] = useState<{
    plain: PlainText;
    needle: string;
    now: PlainText;
    matches: Match[];
  } | null>(null);
  const aheadNow = ahead?.plain === plain && ahead.needle === needle ? ahead : null;
  /** The text the shown matches were found in, and its matches. */
  const base = aheadNow?.now ?? plain;
  const matches = aheadNow?.matches ?? checkedMatches;
  const matchesRef = useRef(matches);
  matchesRef.current = matches;
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [replacing]);
  const latest = useRef({ plain, base, plainNow });
  latest.current = { plain, base, plainNow };
  // Typing (or the selected words) shows the first match at once, as Word's navigation pane does: in the text
  // as it is now (words typed a moment ago, before the next check, are found too).
  useEffect(() => {
    let found = matchesRef.current;
    const { plain: checkedPlain, base: searched, plainNow: textNow } = latest.current;
    const now = textNow();
    if (now.text !== searched.text) {
      found = findMatches(now, needle);
      setAhead({ plain: checkedPlain, needle, now, matches: found });
    }
    setCurrent(found.length ? 0 : -1);
    onSelectRef.current(found[0] ?? null);
  }, [needle]);
  // After a replacement the text changes: show the next match after the replaced words.
  useEffect(() => {
    const from = resumeAt.current;
    if (from === null) return;
    resumeAt.current = null;
    if (matches.length === 0) {
      setCurrent(-1);
      onSelectRef.current(null);
      return;
    }
    const next = Math.max(
      0,
      matches.findIndex((m) => m.start >= from),
    );
    setCurrent(next);
    onSelectRef.current(matches[next]!);
  }, [matches]);
  // 全部替换, or 替换 of the last match, leaves nothing to find: the clicked button is disabled and the focus
  // would fall out of the bar, where Esc and Enter no longer reach it. It stays in the bar (not in a field,
  // so Ctrl+Z still undoes the replacement).
  const none = matches.length === 0;
  useEffect(() => {
    const active = document.activeElement;
    const lost = active === document.body || (active instanceof HTMLButtonElement && active.disabled);
    if (none && lost && (active === document.body || bar.current?.contains(active)))
      bar.current?.focus({ preventScroll: true });
  }, [none]);
  const shown = current >= 0 && current < matches.length ? current : -1;
  /** Closing right after 替换, before the text was searched anew: the match shown, where it is now. */
  const shownNow = (): Match | undefined => {
    if (shown < 0) return undefined;
    const match = matches[shown]!;
    const now = plainNow();
    if (now.text === base.text) return match;
    const found = matchNow(match, base, now, needle, resumeAt.current);
    return 'replace' in found ? found.replace : (found.show ?? undefined);
  };
  const go = (step: number) => {
    setReplacedAll(null);
    const now = plainNow();
    if (now.text !== base.text) {
      // The text changed since it was searched (替换 a moment ago, or typing): step from the shown match where
      // it is now, among the matches of the text as it is, never by the old offsets.
      const found = findMatches(now, needle);
      const at = shownNow();
      resumeAt.current = null;
      const i = at ? found.findIndex((m) => m.start === at.start) : -1;
      const next =
        found.length === 0 ? -1 : i < 0 ? (step > 0 ? 0 : found.length - 1) : (i + step + found.length) % found.length;
      setAhead({ plain, needle, now, matches: found });
      setCurrent(next);
      onSelect(found[next] ?? null);
      return;
    }
    if (matches.length === 0) return;
    const next = (current + step + matches.length) % matches.length;
    setCurrent(next);
    onSelect(matches[next]!);
  };
  const replaceCurrent = () => {
    setReplacedAll(null);
    const at = current >= 0 && current < matches.length ? current : -1;
    // Nothing shown yet: 替换 finds the first match first, as Word does.
    if (at < 0) return go(1);
    let match = matches[at]!;
    const now = plainNow();
    if (now.text !== base.text) {
      // Clicked again before the text was searched anew (a double click, or typing a moment ago): replace the
      // shown match where it is now, or, if it is no longer there, show the next one and replace nothing.
      const found = matchNow(match, base, now, needle, resumeAt.current);
      if ('show' in found) {
        if (found.show) resumeAt.current = found.show.start;
        onSelect(found.show);
        return;
      }
      match = found.replace;
    }
    resumeAt.current = match.start + replacement.length;
    onReplace([match], replacement);
  };
  return (
    <div
      ref={bar}
      tabIndex={-1}
      className="find-bar"
      role="search"
      aria-label="查找和替换"
      onKeyDown={(event) => {
        if (isImeKey(event.nativeEvent)) return;
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose(shownNow());
        }
      }}
    >
      <input
        ref={field}
        aria-label="查找内容"
        placeholder="查找"
        value={needle}
        onChange={(e) => setNeedle(e.target.value)}
        onKeyDown={(event) => {
          if (isImeKey(event.nativeEvent) || event.key !== 'Enter') return;
          event.preventDefault();
          go(event.shiftKey ? -1 : 1);
        }}
      />
      <span className="find-count" role="status">
        {replacedAll?.needle === needle && matches.length === 0
          ? `完成 ${replacedAll.count} 处替换`
          : needle
            ? matches.length
              ? `${shown >= 0 ? `第 ${shown + 1} / ` : '共 '}${matches.length} 处`
              : '没有找到'
            : ''}
      </span>
      <button type="button" onClick={() => go(-1)} disabled={!matches.length} aria-label="上一处">
        ↑
      </button>
      <button type="button" onClick={() => go(1)} disabled={!matches.length} aria-label="下一处">
        ↓
      </button>
      {replacing && !readOnly && (
        <>
          <input
            aria-label="替换为"
            placeholder="替换为"
            value={replacement}
            onChange={(e) => setReplacement(e.target.value)}
          />
          <button type="button" disabled={!matches.length} onClick={replaceCurrent}>
            替换
          </button>
          <button
            type="button"
            disabled={!matches.length}
            onClick={() => {
              const all = findMatches(plainNow(), needle);
              onReplace(all, replacement);
              setReplacedAll({ needle, count: all.length });
            }}
          >
            全部替换
          </button>
        </>
      )}
      <button type="button" className="quiet" onClick={() => onClose(shownNow())} aria-label="关闭查找">
        ×
      </button>
    </div>
  );
}
