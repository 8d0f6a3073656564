/**
 * The mapping language, exactly, as markdown: the setup guide serves it and the plugin's README
 * holds the same text (a unit test keeps the two equal). Backticks are escaped for the template
 * literal.
 */
export const MAPPING_LANGUAGE = `A mapping is a JSON object. Fields that write text (\`title\`, \`description\`, \`labels\`,
\`links\`) are **templates**; fields that read a value (\`items\`, \`alertKey\`, \`labelsFrom\`, and
the \`path\` of \`eventTime\`, \`severity\` and \`status\`) are **paths**.

**Paths** lead into the push:

\`\`\`
path    = root *step
root    = "$$" / "$"               ; $$ the whole body; $ the current item (the body without items)
step    = "." name / "[" index "]" / "[" quoted "]"
name    = (letter / "_") *(letter / digit / "_" / "-")
index   = ["-"] 1*6digit           ; [0] the first element, [-1] the last
quoted  = a JSON string in double quotes: ["team name"], ["a.b"], ["\\u00e9"]
\`\`\`

A path has at most 32 steps and 512 characters; a quoted text (in a path or a template) at most
256 characters, and its escapes may not write U+0000 or half of a surrogate pair. It follows the payload's own keys and array
elements only: \`$.constructor\`, \`$.__proto__\` or \`$.list.length\` lead nowhere, never into
JavaScript. A step into something that is not there gives _missing_.

**Templates** are text with slots:

\`\`\`
template = *(text / "{{" *space slot *space "}}")
slot     = operand *(*space "|" *space operand)
operand  = path / quoted
\`\`\`

A slot writes the first operand that gives text: a path's value (text as it is, numbers and
booleans as JSON writes them: \`0.5\`, \`true\`) or the quoted text itself. Missing, \`null\` and
\`""\` give nothing, and the next operand is tried; a slot where none gives text writes nothing.
An object or an array where text is needed refuses the push (422). \`{{\` always opens a slot:
write \`{{ "{{" }}\` for the two characters. There are no functions, filters or loops. A template
has at most 2 048 characters, 32 slots and 8 operands a slot, and writes at most 16 384
characters.

**Values as text.** Alert key parts and the words of \`severity\` and \`status\` are read as
templates read a path: text as it is, numbers and booleans as JSON writes them (\`42\` and
\`"42"\` are the same), an object or an array refuses the push (422).

| field         | what                                                                                                                                                                                               | default                                                                                                                                                         |
| ------------- | -------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------- | --------------------------------------------------------------------------------------------------------------------------------------------------------------- |
| \`items\`       | path to the array of items, one event each                                                                                                                                                         | the body is one item                                                                                                                                            |
| \`alertKey\`    | a path, or a list of 1 to 8: the key is a hash of their values, in order                                                                                                                           | required                                                                                                                                                        |
| \`title\`       | template                                                                                                                                                                                           | required; when it writes nothing (a resolution that carries only its key), the key's values stand in, as in \`db-1 / disk\`, and the alert keeps the title it has |
| \`description\` | template                                                                                                                                                                                           | none                                                                                                                                                            |
| \`labelsFrom\`  | a path, or up to 8: an object's entries, or an array of \`[name, value]\` pairs or \`{"key", "value"}\` objects, become labels (text, numbers and booleans; others are left out; 256 at most from one) | none                                                                                                                                                            |
| \`labels\`      | label name → template; they win over \`labelsFrom\`; one that writes nothing is left out; 64 at most                                                                                                 | none                                                                                                                                                            |
| \`links\`       | camelCase name → template of an http(s) URL (\`sourceUrl\`, \`runbookUrl\`); 16 at most                                                                                                                | none                                                                                                                                                            |
| \`eventTime\`   | \`{"path", "format", "pattern", "timezone"}\`                                                                                                                                                        | the time received                                                                                                                                               |
| \`severity\`    | \`{"path", "values", "default"}\`: words (any case) → \`Critical\`, \`Warning\`, \`Info\`                                                                                                                  | the severity table below; \`default\`: \`Warning\`                                                                                                                  |
| \`status\`      | \`{"path", "values", "default"}\`: words (any case) → \`firing\`, \`resolved\`                                                                                                                           | \`firing\`                                                                                                                                                        |

A word that is not in \`values\`, or a \`path\` that gives nothing, takes the \`default\`. The
source's word is kept as the event's \`sourceSeverity\`.

**Event time** formats: \`auto\` (the default: a number, or digits, is Unix seconds or
milliseconds told apart by size; anything else ISO 8601), \`iso8601\` (\`2026-12-06T09:30:00Z\`,
\`+01:00\`, \`+0100\`, \`+01\`, or no zone), \`epoch\`, and \`pattern\` with a \`pattern\` of the tokens \`YYYY MM DD HH
mm ss SSS\` (\`SSS\`: a fraction of 1 to 9 digits; \`ss\` and \`SSS\` optional) and separators (the
letter \`T\`, or any character but the ASCII letters): \`"DD/MM/YYYY HH:mm:ss"\`. A time written
without a zone is read in \`timezone\`: an IANA name (\`Europe/Paris\`, summer time included) or a
UTC offset (\`+08:00\`); \`UTC\` by default. Missing, \`null\` and \`""\` give the time received; a
value that is not such a time refuses the push (422).

**Refusals.** A push the mapping cannot read is answered \`422 MappingFailed\`, naming where in
the body and which field of the mapping (\`details.path\`, \`details.field\`):
\`$.alerts[3].fingerprint: is missing, and the alert key is made of it (mapping.alertKey)\`. So is
an \`items\` that is missing or not an array, more than 10 000 items, an alert key part that is
missing or \`null\` (\`""\` is a value), and a push of an integration without a mapping. The
push log keeps the reason. A body that is not JSON stays \`400 InvalidPayload\`.

**Bounded work.** Reading a push costs at most 20 000 000 steps: one per path segment walked,
per entry of an object read for labels, per character a template writes or an alert key
hashes. A push that needs more is refused (422) instead of holding the server; a mapping's size
is bounded too (64 KiB of JSON), so each item's cost is.`;
