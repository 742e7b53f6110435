/** The line under the document: a live 字数, the zoom of the page, and folding the side panels away. */
import { titleOf, type Command, type CommandId } from '../commands';

/** One formatter for the page's life: toLocaleString makes a new one per call, on every keystroke. */
const digits = new Intl.NumberFormat('zh-CN');

interface Props {
  chars: number;
  zoom: number;
  panelsFolded: boolean;
  commands: readonly Command[];
}

export function StatusBar({ chars, zoom, panelsFolded, commands }: Props) {
  const command = (id: CommandId) => commands.find((c) => c.id === id);
  const run = (id: CommandId) => () => command(id)?.run();
  return (
    <footer className="statusbar" aria-label="状态栏">
      <span className="word-count" role="status" aria-label="字数">
        字数：{digits.format(chars)}
      </span>
      <span className="zoom" role="group" aria-label="缩放">
        <button type="button" className="quiet" onClick={run('zoomOut')} aria-label="缩小" disabled={zoom <= 0.5}>
          −
        </button>
        <button type="button" className="quiet zoom-value" onClick={run('zoomReset')} title="恢复实际大小">
          {Math.round(zoom * 100)}%
        </button>
        <button type="button" className="quiet" onClick={run('zoomIn')} aria-label="放大" disabled={zoom >= 2}>
          ＋
        </button>
      </span>
      <button
        type="button"
        className="quiet"
        onClick={run('togglePanels')}
        aria-pressed={panelsFolded}
        title={titleOf(command('togglePanels'))}
      >
        {panelsFolded ? '显示两侧面板' : '全宽写作'}
      </button>
    </footer>
  );
}
