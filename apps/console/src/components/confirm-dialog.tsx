import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { ModalDialog } from './modal-dialog';

/** A question before something that cannot be undone: Confirm runs `onConfirm`; anything else cancels. */
export function ConfirmDialog({
  open,
  title,
  confirmLabel,
  onConfirm,
  onCancel,
  children,
}: {
  open: boolean;
  title: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <ModalDialog open={open} title={title} onClose={onCancel}>
      {children}
      <div className="actions">
        <button type="button" onClick={onCancel} autoFocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
