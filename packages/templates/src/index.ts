/**
 * @jixiao/templates: the form templates jixiao ships, as data (`templates/*.json`, schema
 * `@jixiao/core/schema/template.schema.json`). Each is the raw file content; `@jixiao/import` validates and
 * compiles them on first use. Browser-safe (JSON imports only).
 */
import t1Checklist from '../templates/t1-checklist.json' with { type: 'json' };
import t1bBasicData from '../templates/t1b-basic-data.json' with { type: 'json' };
import t2YueyangReport from '../templates/t2-yueyang-report.json' with { type: 'json' };
import t6NarrativeReport from '../templates/t6-narrative-report.json' with { type: 'json' };
import t3ScoreSheet from '../templates/t3-score-sheet.json' with { type: 'json' };
import t4YunnanForm from '../templates/t4-yunnan-form.json' with { type: 'json' };
import t5IndicatorForm from '../templates/t5-indicator-form.json' with { type: 'json' };
import t7ProjectExpenditure from '../templates/t7-project-expenditure.json' with { type: 'json' };
import traditionalSimplified from '../data/traditional-simplified.json' with { type: 'json' };

/**
 * The shipped template files, in the order detection breaks ties (earlier first): the forms that are read, then
 * the scoring sheets recognised for now, then the 项目支出 form that is refused.
 */
export const SHIPPED_TEMPLATE_FILES: readonly { readonly file: string; readonly content: unknown }[] = [
  { file: 't1-checklist.json', content: t1Checklist },
  { file: 't1b-basic-data.json', content: t1bBasicData },
  { file: 't2-yueyang-report.json', content: t2YueyangReport },
  { file: 't6-narrative-report.json', content: t6NarrativeReport },
  { file: 't3-score-sheet.json', content: t3ScoreSheet },
  { file: 't4-yunnan-form.json', content: t4YunnanForm },
  { file: 't5-indicator-form.json', content: t5IndicatorForm },
  { file: 't7-project-expenditure.json', content: t7ProjectExpenditure },
];

/**
 * Traditional → simplified characters, one pair after another (traditional, then simplified), for reading a
 * document a mirror site converted to traditional characters (data/traditional-simplified.json: how it was made).
 */
export const TRADITIONAL_SIMPLIFIED: string = traditionalSimplified.pairs;
