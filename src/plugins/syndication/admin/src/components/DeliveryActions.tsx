import { useState } from 'react';
import { Button, Dialog, IconButton, type ButtonProps } from '@strapi/design-system';
import { ArrowClockwise, PaperPlane } from '@strapi/icons';
import { ConfirmDialog, isFetchError, useAPIErrorHandler, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { Delivery, RedeliverResponse, TestEventResponse } from '../api';
import { PLUGIN_ID } from '../pluginId';
import { getTranslation } from '../utils/getTranslation';

/** Runs a POST, tells the user how it went, then lets the caller refresh what it shows. */
const usePostAction = () => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatAPIError } = useAPIErrorHandler(getTranslation);
  const [isPosting, setIsPosting] = useState(false);

  const run = async <T,>(url: string, success: (data: T) => string, onDone?: () => void) => {
    setIsPosting(true);
    try {
      const { data } = await post<T>(url);
      toggleNotification({ type: 'success', message: success(data) });
      onDone?.();
    } catch (error) {
      toggleNotification({
        type: 'danger',
        message: isFetchError(error)
          ? formatAPIError(error)
          : formatMessage({ id: 'notification.error', defaultMessage: 'An error occurred' }),
      });
    } finally {
      setIsPosting(false);
    }
  };

  return { run, isPosting };
};

interface SendTestEventButtonProps {
  documentId: string;
  disabled?: boolean;
  onSent?: () => void;
  /** `icon`: a compact icon button for table rows. */
  display?: 'button' | 'icon';
  variant?: ButtonProps['variant'];
  fullWidth?: boolean;
}

/** Queues a `syndication.test` event for one subscriber; it is signed and retried like any other. */
export const SendTestEventButton = ({
  documentId,
  disabled,
  onSent,
  display = 'button',
  variant = 'secondary',
  fullWidth,
}: SendTestEventButtonProps) => {
  const { formatMessage } = useIntl();
  const { run, isPosting } = usePostAction();
  const label = formatMessage({ id: getTranslation('actions.sendTest'), defaultMessage: 'Send test event' });

  const send = () =>
    run<TestEventResponse>(
      `/${PLUGIN_ID}/subscribers/${encodeURIComponent(documentId)}/test`,
      ({ data }) =>
        formatMessage(
          { id: getTranslation('actions.sendTest.success'), defaultMessage: 'Test event {eventId} queued' },
          { eventId: data.eventId },
        ),
      onSent,
    );

  if (display === 'icon') {
    return (
      <IconButton label={label} onClick={send} disabled={disabled || isPosting} variant="ghost">
        <PaperPlane />
      </IconButton>
    );
  }
  return (
    <Button
      variant={variant}
      startIcon={<PaperPlane />}
      onClick={send}
      loading={isPosting}
      disabled={disabled}
      fullWidth={fullWidth}
    >
      {label}
    </Button>
  );
};

/** Sends one event to the subscriber again, with the same webhook-id. Asks first. */
export const RedeliverButton = ({ delivery, disabled, onQueued }: { delivery: Delivery; disabled?: boolean; onQueued: () => void }) => {
  const { formatMessage } = useIntl();
  const { run, isPosting } = usePostAction();
  const [isOpen, setIsOpen] = useState(false);

  const redeliver = async () => {
    await run<RedeliverResponse>(
      `/${PLUGIN_ID}/deliveries/${delivery.id}/redeliver`,
      () => formatMessage({ id: getTranslation('actions.redeliver.success'), defaultMessage: 'Event queued for redelivery' }),
      onQueued,
    );
    setIsOpen(false);
  };

  return (
    <Dialog.Root open={isOpen} onOpenChange={setIsOpen}>
      <Dialog.Trigger>
        <Button variant="tertiary" size="S" startIcon={<ArrowClockwise />} disabled={disabled} loading={isPosting}>
          {formatMessage({ id: getTranslation('actions.redeliver'), defaultMessage: 'Redeliver' })}
        </Button>
      </Dialog.Trigger>
      <ConfirmDialog
        variant="default"
        onConfirm={redeliver}
        title={formatMessage({ id: getTranslation('actions.redeliver.title'), defaultMessage: 'Redeliver this event?' })}
      >
        {formatMessage(
          {
            id: getTranslation('actions.redeliver.body'),
            defaultMessage:
              'The subscriber receives {eventType} again now, with the same webhook-id ({eventId}), so a partner that deduplicates on it ignores a copy it already processed.',
          },
          { eventType: delivery.eventType ?? '-', eventId: delivery.eventId },
        )}
      </ConfirmDialog>
    </Dialog.Root>
  );
};
