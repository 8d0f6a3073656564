import { MAPPING_LANGUAGE } from './webhook.mapping-language.js';

/**
 * Setup guide of the mapped generic webhook. Markdown; the core fills in `{{pushUrl}}` and
 * `{{severityTable}}` and leaves every other `{{ … }}` (the mapping's own) as written.
 */
export const WEBHOOK_SETUP_GUIDE = `# Generic webhook (mapped)

Any source that can POST JSON to a URL reaches Alert Hub through this plugin: the integration's
**mapping** says where the items are and how each becomes an event. No code, no plugin release.

## 1. Point the source at Alert Hub

- **URL**: \`{{pushUrl}}\`
- **Method**: \`POST\`, body JSON (\`Content-Type: application/json\`)

Until the integration has a mapping, its pushes are refused (\`422 MappingFailed\`) and listed in
its push log (\`GET /api/v1/integrations/{id}/pushes\`), so the source can be pointed here first.

## 2. Write the mapping, try it, save it

\`\`\`sh
# Try a candidate mapping on a payload the source sends: the events and alert keys it gives.
curl -s -X POST $HUB/api/v1/integrations/$ID/mapping/preview \\
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
  -d '{"payload": {"host": "db-1", "check": "disk", "state": "CRITICAL"},
       "mapping": {"alertKey": ["$.host", "$.check"], "title": "{{ $.check }} on {{ $.host }}",
                   "status": {"path": "$.state", "values": {"OK": "resolved"}}}}'

# Save it with the version last read (GET …/mapping; 0 for a new integration): 409 if stale.
curl -s -X PUT $HUB/api/v1/integrations/$ID/mapping \\
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
  -d '{"version": 0, "mapping": {"alertKey": ["$.host", "$.check"],
       "title": "{{ $.check }} on {{ $.host }}"}}'
\`\`\`

Ready-made mappings (Sentry metric alerts, Graylog HTTP notifications) are in the plugin's
\`docs/mappings/\`, each with the payloads it was tested on.

## The mapping language

${MAPPING_LANGUAGE}

## Severity without a \`severity\` section

{{severityTable}}
`;
