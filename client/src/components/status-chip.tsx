import { STATUS_LABELS, type DisplayStatus } from '@treaty-watch/shared';
import { StatusIcon } from './status-icon';

export function StatusChip({ status }: { status: DisplayStatus }) {
  return (
    <span className={`status-chip status-${status}`}>
      <StatusIcon status={status} />
      {STATUS_LABELS[status]}
    </span>
  );
}
