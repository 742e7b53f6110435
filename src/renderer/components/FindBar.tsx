/**
 * 查找和替换 (Ctrl+F, Ctrl+H) over the whole report's body: Enter goes to the next match, Shift+Enter to the
 * previous one (not while an IME is composing); 替换 replaces the selected match, 全部替换 all of them.
 */
import { useEffect, useRef, useState } from 'react';
import type { PlainText } from '../../core/model/plainText';
import { findMatches, type Match } from '../editor/find';
import { isImeKey } from '../plugins/ImeSafeKeysPlugin';

interface Props {
  plain: PlainText;
  replacing: boolean;
  readOnly: boolean;
  /** Show a match (highlighted, in sight) while the focus stays in the bar. */
  onSelect: (match: Match) => void;
  /** Replace the given matches (from the last to the first, so offsets hold). */
  onReplace: (matches: Match[], replacement: string) => void;
  /** Closing with a match shown selects it in the text, as Word does. */
  onClose: (match?: Match) => void;
}

export function FindBar({ plain, replacing, readOnly, onSelect, onReplace, onClose }: Props) {
  const [needle, setNeedle] = useState('');
  const [replacement, setReplacement] = useState('');
  const [current, setCurrent] = useState(-1);
  const field = useRef<HTMLInputElement>(null);
  const matches = findMatches(plain, needle);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [replacing]);
  const go = (step: number) => {
    if (matches.length === 0) return;
    const next = (current + step + matches.length) % matches.length;
    setCurrent(next);
    onSelect(matches[next]!);
  };
  const shown = current >= 0 && current < matches.length ? current : -1;
  return (
    <div
      className="find-bar"
      role="search"
      aria-label="查找和替换"
      onKeyDown={(event) => {
        if (isImeKey(event.nativeEvent)) return;
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose(shown >= 0 ? matches[shown] : undefined);
        }
      }}
    >
      <input
        ref={field}
        aria-label="查找内容"
        placeholder="查找"
        value={needle}
        onChange={(e) => {
          setNeedle(e.target.value);
          setCurrent(-1);
        }}
        onKeyDown={(event) => {
          if (isImeKey(event.nativeEvent) || event.key !== 'Enter') return;
          event.preventDefault();
          go(event.shiftKey ? -1 : 1);
        }}
      />
      <span className="find-count" role="status">
        {needle
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
          <button
            type="button"
            disabled={shown < 0}
            onClick={() => shown >= 0 && onReplace([matches[shown]!], replacement)}
          >
            替换
          </button>
          <button type="button" disabled={!matches.length} onClick={() => onReplace(matches, replacement)}>
            全部替换
          </button>
        </>
      )}
      <button
        type="button"
        className="quiet"
        onClick={() => onClose(shown >= 0 ? matches[shown] : undefined)}
        aria-label="关闭查找"
      >
        ×
      </button>
    </div>
  );
}
