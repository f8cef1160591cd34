/**
 * A template file (YAML) with only what the template schema requires: id, title, a detection signal and one field
 * (核定编制 read as `path`, a count) — for tests of template loading and the template kit. With `schema`, a first
 * line `$schema: <schema>` (every line below it then moves down by one).
 */
export function minimalTemplateYaml(options: { readonly path?: string; readonly schema?: string } = {}): string {
  const head = options.schema === undefined ? '' : `$schema: ${options.schema}\n`;
  return `${head}id: my-form
title: { zh-CN: 某省自评表, en: a province's form }
detection:
  threshold: 2
  signals:
    - labels: [某省部门整体支出绩效自评表]
      weight: 2
fields:
  - path: ${options.path ?? 'staffing.authorized'}
    labels: [核定编制]
    type: count
`;
}
