/** The toolbar: buttons for the commands of the command table, the check's verdict and the block types. */
import type { ReactNode } from 'react';
import type { CheckResult } from '../../core/checks/types';
import type { ExportOptions } from '../../shared/ipc';
import { titleOf, type Command, type CommandId } from '../commands';
import type { SubheadingLevel } from '../nodes/SubheadingNode';
import { ExportSettings } from './ExportSettings';
import { FocusKeepingButton } from './FocusKeepingButton';
import { useMenuDetails } from './useMenuDetails';

/** The toolbar's 检查 button also tells, at a glance, whether the report can be handed in. */
function checkLabel(result: CheckResult | null): string {
  if (!result) return '检查';
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  return result.ready ? '检查：✓ 可以提交' : `检查：还有 ${errors} 个错误`;
}

/** A toolbar button that opens a short list of commands; closes like a menu (click elsewhere, Esc, a choice). */
function MenuButton({ label, children }: { label: string; children: ReactNode }) {
  const details = useMenuDetails();
  return (
    <details className="export-settings toolbar-menu" ref={details}>
      <summary>{label}</summary>
      <div
        className="export-settings-panel toolbar-menu-panel"
        role="group"
        aria-label={label}
        onClick={(event) => {
          if (!(event.target as HTMLElement).closest('button') || !details.current) return;
          // As a menu closes, the focus goes back to its button (not lost to the page): a dialog the
          // command opens returns it there.
          details.current.querySelector('summary')?.focus();
          details.current.open = false;
        }}
      >
        {children}
      </div>
    </details>
  );
}

/** The block types a paragraph can be given (toolbar and right-click menu): level, button text, name. */
export const BLOCK_TYPES: Array<[SubheadingLevel | 0, string, string]> = [
  [0, '正文', '正文'],
  [2, '（一）', '（一）标题'],
  [3, '1.', '1. 标题'],
  [4, '（1）', '（1）标题'],
];

interface Props {
  commands: readonly Command[];
  result: CheckResult | null;
  previewing: boolean;
  exportOptions: ExportOptions;
  onExportOptions: (options: ExportOptions) => void;
  onBlockType: (level: SubheadingLevel | 0) => void;
  onInsertTable: () => void;
}

export function Toolbar({
  commands,
  result,
  previewing,
  exportOptions,
  onExportOptions,
  onBlockType,
  onInsertTable,
}: Props) {
  const button = (id: CommandId, label?: string, extra: { className?: string; pressed?: boolean } = {}) => {
    const command = commands.find((c) => c.id === id);
    if (!command) return null;
    return (
      // 保存 and the exports are unavailable while their file work runs, and keep the keyboard meanwhile.
      <FocusKeepingButton
        className={extra.className}
        onClick={command.run}
        disabled={command.disabled}
        title={titleOf(command)}
        aria-pressed={extra.pressed}
      >
        {label ?? command.label}
      </FocusKeepingButton>
    );
  };
  return (
    <header className="toolbar" role="toolbar" aria-label="工具栏">
      <MenuButton label="文件">
        {button('new', '新建…')}
        {button('open', '打开…')}
        {button('saveAs', '另存为…')}
        {button('import', '导入 Word 或文本文件…')}
        {button('history', '历史版本…')}
        {button('exportWeb', '导出网页文本…')}
        {button('print', '打印…')}
      </MenuButton>
      {button('save', '保存')}
      {button('check', checkLabel(result), {
        className: result ? (result.ready ? 'check-status ready-yes' : 'check-status ready-no') : 'check-status',
      })}
      <span className="separator" />
      <ExportSettings options={exportOptions} onChange={onExportOptions} />
      {button('exportDocx', '导出 Word', { className: 'primary' })}
      {button('preview', previewing ? '返回编辑' : '打印预览', { pressed: previewing })}
      {previewing && button('print', '打印…')}
      {button('exportPdf', '导出 PDF')}
      <span className="separator" />
      <span className="block-type" role="group" aria-label="段落格式">
        {BLOCK_TYPES.map(([level, label, name]) => (
          <button
            key={level}
            type="button"
            aria-label={name}
            title={`设为${name}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onBlockType(level)}
            disabled={previewing}
          >
            {label}
          </button>
        ))}
        <button
          type="button"
          title="在光标处插入表格（Tab 到下一格，右键可增删行列）"
          onMouseDown={(e) => e.preventDefault()}
          onClick={onInsertTable}
          // The preview shows pages, not the text: nothing there edits the report.
          disabled={previewing}
        >
          插入表格
        </button>
      </span>
    </header>
  );
}
