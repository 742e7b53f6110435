/**
 * The renderer's one way to main: call(name, request) runs window.nianbao[name] and returns its value, or
 * undefined once the failure (`{ ok: false }` or a broken connection) has been shown to the clerk. A failure
 * cannot be dropped: it goes to the message bar, or to the handler the caller names instead (the reviewer's
 * table shows a file's failure in its row). Lint forbids window.nianbao anywhere else in the renderer.
 */
import type { ApiName, FileRef, MenuCommand, NianbaoApi } from '../shared/ipc';

type Answer<N extends ApiName> = Awaited<ReturnType<NianbaoApi[N]>>;
/** What a call gives when it worked; null, for the dialogs' channels, means the clerk cancelled. */
export type Value<N extends ApiName> = Extract<Answer<N>, { ok: true }>['value'];
type RequestOf<N extends ApiName> = Parameters<NianbaoApi[N]>[0];

export interface Call {
  <N extends ApiName>(
    name: N,
    request?: RequestOf<N>,
    onFailure?: (text: string) => void,
  ): Promise<Value<N> | undefined>;
  /** Where this call's failures go: for a problem found in an answer that did arrive (a broken county template). */
  report(text: string): void;
}

export const BROKEN_CONNECTION =
  '与主程序的连接出错，操作没有完成。报告内容没有改动，请重试；如仍不行，请保存后重启软件。';

// The single place the page touches the bridge.
// eslint-disable-next-line no-restricted-properties
const bridge = (): NianbaoApi => window.nianbao;

/** A call() whose failures go to `report` (the message bar's error). */
export function createCall(report: (text: string) => void, api: () => NianbaoApi = bridge): Call {
  const call = async <N extends ApiName>(
    name: N,
    request?: RequestOf<N>,
    onFailure?: (text: string) => void,
  ): Promise<Value<N> | undefined> => {
    const show = onFailure ?? report;
    let answer: { ok: true; value: unknown } | { ok: false; error: string };
    try {
      const run = api()[name] as (request?: unknown) => Promise<typeof answer>;
      answer = await run(request);
    } catch {
      show(BROKEN_CONNECTION);
      return undefined;
    }
    if (answer.ok) return answer.value as Value<N>;
    show(answer.error);
    return undefined;
  };
  return Object.assign(call, { report });
}

/** Application-menu commands (main → renderer): no answer, so nothing to fail. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return bridge().onMenuCommand(listener);
}

/** 文件 → 最近打开 in the application menu (main → renderer): a token, no answer. */
export function onOpenRecent(listener: (file: FileRef) => void): () => void {
  return bridge().onOpenRecent(listener);
}

/** The OS asked to open a file (main → renderer): the page then takes it with takeOsOpenedFiles. */
export function onOsOpen(listener: () => void): () => void {
  return bridge().onOsOpen(listener);
}
