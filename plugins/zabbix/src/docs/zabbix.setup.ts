/**
 * Setup guide for Zabbix. Markdown; the core fills in `{{pushUrl}}` and `{{severityTable}}`.
 * Kept in TypeScript so the build needs no asset copying.
 */
export const ZABBIX_SETUP_GUIDE = `# Zabbix

Zabbix has no fixed webhook body: Alert Hub ships its own webhook media type, which posts the
problem's macros as JSON. It is the file \`plugins/zabbix/docs/alert-hub.media-type.yaml\` of
Alert Hub (Zabbix 6.0 or later).

## 1. Import the media type

1. In Zabbix, open **Alerts → Media types** (**Administration → Media types** in 6.0) and press
   **Import**. Choose \`alert-hub.media-type.yaml\`, then **Import**.
2. Open the new media type **Alert Hub** and set its parameters:
   - \`alert_hub_url\`: \`{{pushUrl}}\`
   - \`time_zone\`: the UTC offset of the times Zabbix writes in \`{EVENT.DATE}\` and
     \`{EVENT.TIME}\`, such as \`+08:00\`: the time zone of the Zabbix user in step 2 (or the
     server's, when that user has the system default). Zabbix gives these times without a zone
     and no macro gives the event's time as a timestamp, so Alert Hub reads them at this offset.
     Leave \`+00:00\` when that zone is UTC.
   - \`http_proxy\`: only if Zabbix reaches Alert Hub through a proxy.
   Leave the other parameters as they are: Alert Hub reads them by these names.
3. Set the global macro \`{$ZABBIX.URL}\` (**Administration → Macros**) to your frontend's URL,
   such as \`https://zabbix.example.com\`, for links from Alert Hub to the problem.

## 2. Send problems to it

1. Give a user (a dedicated one is simplest) the media **Alert Hub**, with any **Send to** value.
2. In **Alerts → Actions → Trigger actions**, create an action with the conditions you want, and
   add that user in **Operations** and **Recovery operations**, by the media type Alert Hub.
   Update operations are not needed: Alert Hub answers them with \`200\` and no event.
3. Set the media type's **Attempts** and **Attempt interval** (its **Options** tab) as you wish:
   the script fails, so Zabbix tries again, when Alert Hub does not answer 2xx.

## What Alert Hub reads

| Alert Hub | parameter (macro) |
| --- | --- |
| alert key | \`event_id\` (\`{EVENT.ID}\`): the recovery carries the problem's id |
| status | \`event_value\` (\`{EVENT.VALUE}\`): 1 fires, 0 resolves |
| updates | \`event_update_status\` 1 (an acknowledgement, a comment…): no event |
| title | \`event_name\` (\`{EVENT.NAME}\`) |
| description | \`trigger_description\` |
| labels | \`host_name\` as \`host\`, \`host_ip\`, then the tags of \`event_tags\` (\`{EVENT.TAGSJSON}\`) |
| annotations | \`severity\` (\`{EVENT.NSEVERITY}\`, 0–5), \`operational_data\`, \`trigger_id\` |
| started / resolved | \`event_date\` \`event_time\` / \`recovery_date\` \`recovery_time\`, at \`time_zone\` |
| link | \`{$ZABBIX.URL}/tr_events.php?triggerid=…&eventid=…\` |

## Severity

{{severityTable}}
`;
