import type { Schemas } from '../api/client';
import { Badge } from './badge';

/** What every preview table shows first of an event: its title and key, severity and status. */
export function EventCells({
  event,
}: {
  event: {
    title: string;
    alertKey: string;
    severity: Schemas['Severity'];
    status: Schemas['EventStatus'];
  };
}) {
  return (
    <>
      <td>
        {event.title}
        <br />
        <code className="muted">{event.alertKey}</code>
      </td>
      <td>
        <Badge value={event.severity} />
      </td>
      <td>
        <Badge value={event.status} />
      </td>
    </>
  );
}
