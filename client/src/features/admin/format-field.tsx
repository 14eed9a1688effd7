import { WEBHOOK_FORMATS, WEBHOOK_FORMAT_LABELS, webhookFormatSchema, type Problem, type WebhookFormat } from '@treaty-watch/shared';
import { Field, fieldError } from '../../components/field';

/** Which message an endpoint receives: the Standard Webhooks JSON or a chat service's. */
export function FormatField({
  value,
  onChange,
  problem,
}: {
  value: WebhookFormat;
  onChange: (format: WebhookFormat) => void;
  problem?: Problem | undefined;
}) {
  return (
    <Field
      label="Format"
      hint="Slack, Teams and Discord: paste the channel's incoming-webhook URL above."
      error={fieldError(problem, 'format')}
    >
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(webhookFormatSchema.parse(e.target.value))}>
          {WEBHOOK_FORMATS.map((format) => (
            <option key={format} value={format}>
              {WEBHOOK_FORMAT_LABELS[format]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
