import { describe, expect, it } from 'vitest';
import { SessionHistory, STEP_PAUSE_MS } from './sessionHistory';

/** A clerk's report reduced to what undo touches: the editor's steps and two fields. */
function setup() {
  let time = 0;
  const history = new SessionHistory(() => time);
  const state = { text: ['初稿'], date: '', figure: '' };
  let editorRedo: string[] = [];
  history.attachEditor({
    undo: () => {
      editorRedo.push(state.text.pop()!);
    },
    redo: () => {
      state.text.push(editorRedo.pop()!);
    },
  });
  const type = (text: string) => {
    state.text.push(text);
    editorRedo = [];
    history.editorStep();
  };
  const field = (key: 'date' | 'figure', value: string, composing = false) => {
    const before = state[key];
    state[key] = value;
    history.fieldChange({ key, undo: () => (state[key] = before), redo: () => (state[key] = value) }, { composing });
  };
  const wait = (ms: number) => (time += ms);
  return { history, state, type, field, wait };
}

describe('one undo history for the text and the side forms', () => {
  it('undoes text, 成文日期 and a figure in the reverse order they were made, and redoes them in order', () => {
    const { history, state, type, field, wait } = setup();
    type('全年审查合同12份。');
    wait(2000);
    field('date', '2026年1月15日');
    wait(2000);
    field('figure', '12');
    expect(history.undo()).toBe(true);
    expect(state).toEqual({ text: ['初稿', '全年审查合同12份。'], date: '2026年1月15日', figure: '' });
    history.undo();
    expect(state.date).toBe('');
    history.undo();
    expect(state.text).toEqual(['初稿']);
    expect(history.canUndo).toBe(false);
    expect(history.undo()).toBe(false);
    history.redo();
    history.redo();
    expect(state).toEqual({ text: ['初稿', '全年审查合同12份。'], date: '2026年1月15日', figure: '' });
    history.redo();
    expect(state.figure).toBe('12');
    expect(history.canRedo).toBe(false);
  });

  it('joins a field’s typing into one step per pause, as the editor does', () => {
    const { history, state, field, wait } = setup();
    field('date', '2026');
    wait(300);
    field('date', '2026年1月');
    wait(300);
    field('date', '2026年1月15日');
    wait(STEP_PAUSE_MS + 1);
    field('date', '2026年1月16日');
    history.undo();
    expect(state.date).toBe('2026年1月15日');
    history.undo();
    expect(state.date).toBe('');
    history.redo();
    expect(state.date).toBe('2026年1月15日');
  });

  it('never joins two different fields, nor a field across a step of the text', () => {
    const { history, state, type, field } = setup();
    field('date', '2026年1月15日');
    field('figure', '3');
    type('又一句。');
    field('figure', '30');
    history.undo();
    expect(state.figure).toBe('3');
    history.undo();
    expect(state.text).toEqual(['初稿']);
    history.undo();
    expect(state.figure).toBe('');
    expect(state.date).toBe('2026年1月15日');
  });

  it('keeps a whole IME composition in one step however long it takes', () => {
    const { history, state, field, wait } = setup();
    field('date', 'ershi', true);
    wait(5000);
    field('date', '二十', true);
    history.undo();
    expect(state.date).toBe('');
  });

  it('a new change after an undo drops the redo, and never joins the step before the undone one', () => {
    const { history, state, field, type, wait } = setup();
    field('date', '2026年1月15日');
    wait(2000);
    field('date', '2026年1月16日');
    history.undo();
    wait(10);
    field('date', '2026年1月17日');
    expect(history.redo()).toBe(false);
    history.undo();
    expect(state.date).toBe('2026年1月15日');
    history.undo();
    expect(state.date).toBe('');
    history.redo();
    type('一句。');
    expect(history.canRedo).toBe(false);
  });

  it('counts the undos and redos that ran, so a field focused a frame later knows another has run since', () => {
    const { history, type, field, wait } = setup();
    expect(history.undo()).toBe(false);
    expect(history.turn).toBe(0);
    type('一句。');
    wait(2000);
    field('date', '2026年1月16日');
    history.undo();
    const afterField = history.turn;
    history.undo();
    expect(history.turn).toBe(afterField + 1);
    history.redo();
    expect(history.turn).toBe(afterField + 2);
    history.redo();
    expect(history.redo()).toBe(false);
    expect(history.turn).toBe(afterField + 3);
  });
});
