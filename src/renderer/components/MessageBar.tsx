/** The one-line message under the toolbar: an error to read, or news of what just happened. */
import type { Message } from '../session';

export function MessageBar({ message, onClose }: { message: Message | null; onClose: () => void }) {
  if (!message) return null;
  return (
    <div className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
      <span>{message.text}</span>
      {message.action && (
        <button type="button" onClick={message.action.run}>
          {message.action.label}
        </button>
      )}
      <button type="button" className="quiet" onClick={onClose} aria-label="关闭提示">
        ×
      </button>
    </div>
  );
}
