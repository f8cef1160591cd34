/**
 * @jixiao/core: the evaluation model (zod), the rule/pack contract, and the engine that runs packs through
 * json-rules-engine. Browser-safe; file-system loading lives in `@jixiao/core/node`.
 */
export { ANSWERS, ANSWER_RESOLUTIONS, DISCLOSURE_CHANNELS, GRADES, UNRESOLVED_ANSWERS, isResolvedAnswer } from './model/answer.js';
export type { Answer, AnswerResolutionKind, DisclosureChannel, Grade } from './model/answer.js';
export {
  ANSWER_FIELDS,
  AnswerSchema,
  AnswerResolutionSchema,
  EvaluationSchema,
  INDICATOR_NATURES,
  IndicatorRowSchema,
  IsoDateSchema,
  MODEL_VERSION,
  MODEL_VERSIONS,
  MoneySchema,
  PercentSchema,
  ScoreSchema,
  SignedMoneySchema,
} from './model/evaluation.js';
export type { AnswerField, CostControl, Evaluation, EvaluationInput, IndicatorNature, IndicatorRow, SelfAssessment } from './model/evaluation.js';
export { ANSWER_RESOLUTION_LABELS, DISCLOSURE_CHANNEL_LABELS, ENUM_LABEL_TABLES, FIELD_LABELS, FIELD_PATHS, SECTION_LABELS, SECTION_PATHS, GRADE_LABELS, INDICATOR_LABELS, INDICATOR_NATURE_LABELS, enumValueLabel, fieldLabel, fieldName, gradeScoreText, gradeText, isFieldPath } from './model/labels.js';
export type { FieldLabel, FieldPath, IndicatorKey, SectionPath } from './model/labels.js';
export { MAX_PERCENT, MAX_SCORE, hundredths, isHundredths } from './model/decimal.js';
export {
  MAX_MONEY,
  compareMoney,
  formatMoney,
  fromCents,
  isMoney,
  parseMoneyText,
  subtractMoney,
  sumMoney,
  toCents,
} from './model/money.js';
export {
  EvaluationValidationError,
  formatValidationIssues,
  parseEvaluation,
  toValidationIssues,
  validateEvaluation,
} from './model/validate.js';
export type { ValidationIssue, ValidationResult } from './model/validate.js';
export { DEFAULT_LOCALE, LOCALES, isLocale } from './i18n/locale.js';
export type { Locale, LocalizedText } from './i18n/locale.js';
export { CORE_MESSAGES, JSON_SYNTAX_MESSAGES, YAML_SYNTAX_MESSAGES } from './i18n/messages.js';
export { visibleLines, visibleText } from './i18n/visible.js';
export { ANSWER_NOTE_WORDS, PLACEHOLDER_MARKS, localizeAnswerNote, localizeExcerpt, localizePosition } from './i18n/excerpt.js';
export {
  CheckSchema,
  RuleScoreSchema,
  ConfigSchema,
  DATA_FORMATS,
  DataRefSchema,
  LegalBasisSchema,
  CitationCheckSchema,
  LocalizedTextSchema,
  PackManifestSchema,
  PackMetaSchema,
  PARAMETER_TYPES,
  PARAMETER_TYPE_NAMES,
  PackSchema,
  ParameterSchema,
  ParameterValueSchema,
  RuleSchema,
  SAFE_PATH,
  SEVERITIES,
  SeveritySchema,
  TopLevelConditionSchema,
  parameterValueProblem,
} from './pack/schema.js';
export type {
  Check,
  Config,
  DataFormat,
  DataRef,
  LeafCondition,
  LegalBasis,
  CitationCheck,
  NestedCondition,
  Pack,
  PackManifest,
  PackMeta,
  Parameter,
  ParameterType,
  ParameterValue,
  Rule,
  Severity,
  TopLevelCondition,
} from './pack/schema.js';
export { defineConfig, definePack, defineRule } from './pack/define.js';
export { packFromJson, safePackFromJson } from './pack/from-json.js';
export type { PackJson } from './pack/from-json.js';
export { GENERATED_HEADER, renderCatalogue, renderRuleDoc } from './pack/docs.js';
export { PackLoadError, assertPacksValid, packIssues, ruleConditions, ruleLeaves, validateRule } from './pack/validate.js';
export type { PackIssue } from './pack/validate.js';
export { closest, editDistance, factCatalogue, lookupFact } from './pack/facts.js';
export { factMeaning } from './pack/fact-meanings.js';
export type { FactCatalogue, FactInfo, FactKind } from './pack/facts.js';
export { formatLintIssue, lintPack, positionOf } from './pack/lint.js';
export { explainConfigIssue } from './pack/config-issues.js';
export type { ConfigZodIssue } from './pack/config-issues.js';
export { MAX_JSON_DEPTH, jsonSyntaxError, lineColumn, parseStrictJson, type JsonSyntaxKind } from './pack/json.js';
export { yamlSyntaxError } from './pack/yaml-syntax.js';
export type { JsonIssue, StrictJsonResult } from './pack/json.js';
export { lintRuleFacts } from './pack/lint-facts.js';
export type { RuleIssue } from './pack/lint-facts.js';
export type { LintIssue, PackLintResult, SourceFile } from './pack/lint.js';
export {
  CaseExpectationSchema,
  CaseFileSchema,
  CaseSchema,
  caseInputKind,
  mergePatch,
  normalizeExpectation,
  parseCaseFile,
  passingEvaluation,
} from './pack/cases.js';
export type { Case, CaseExpectation, CaseFile, NormalizedExpectation } from './pack/cases.js';
export { lintCaseFile, ruleBranches, runCases } from './pack/case-runner.js';
export type {
  BranchCoverage,
  CaseReport,
  CaseResult,
  CaseRunOptions,
  ConditionCoverage,
  ExpectationFailure,
  LoadedCaseFile,
  RuleCoverage,
} from './pack/case-runner.js';
export { Checker, createChecker } from './engine/checker.js';
export type { CheckOptions, CheckerOptions, CompiledRule, CrossFormContext, Facts } from './engine/checker.js';
export { formGaps } from './engine/coverage.js';
export type { FormGaps } from './engine/coverage.js';
export { BUILTIN_OPERATORS, CUSTOM_OPERATORS, KNOWN_OPERATORS, resolvePath } from './engine/operators.js';
export type { OperatorFn } from './engine/operators.js';
export { ParameterValueError, valueInForce } from './engine/params.js';
export type { ParameterValueIssue, ResolvedParameter } from './engine/params.js';
export { fieldFormat, fieldValueText, formatValue, renderTemplate } from './engine/messages.js';
export type { ValueFormat } from './engine/messages.js';
export { INDICATORS, computeIndicators, deriveFacts, indicatorFacts } from './indicators/derive.js';
export type { DerivedFacts, ParamValues, SumCheck } from './indicators/derive.js';
export { DEFAULT_SCORING_SETTINGS, SCORING_PARAMETERS, deriveScoring, scoringSettings } from './indicators/scoring.js';
export { gradeOfScore, scoreCheck } from './indicators/score-check.js';
export type { RowCheck, ScoringFacts, ScoringSettings } from './indicators/scoring.js';
export { attainment, compareDecimal, parseIndicatorValue } from './indicators/indicator-value.js';
export type { Attainment, Comparator, Decimal, IndicatorValue } from './indicators/indicator-value.js';
export { formatPercent, percentOf } from './indicators/ratio.js';
export { OUTCOMES, formTemplate, localizeDiagnostic, summarize } from './result/model.js';
export {
  ReportFindingSchema,
  ReportResultSchema,
  ReportRuleSchema,
  ResultDiagnosticSchema,
  ResultDocumentSchema,
  CrossFormReportSchema,
  FindingLocationSchema,
  PackScoreSchema,
  ResultDocumentV1Schema,
  ResultSummarySchema,
  ScoreCheckSchema,
  SourcePositionSchema,
  UnreadInputSchema,
} from './result/schema.js';
export type {
  EvaluationResult,
  ExplainedCondition,
  Finding,
  FindingLocation,
  FindingNote,
  FindingWaiver,
  FormTemplate,
  Indicator,
  LocalizedDiagnostic,
  Outcome,
  PackScore,
  PackScoreItem,
  ResultDiagnostic,
  ResultSummary,
  ScoreCheck,
  SourcePosition,
  UnreadInput,
} from './result/model.js';
export {
  EXCERPT_LIMIT,
  REPORT_SCHEMA_VERSION,
  capExcerpt,
  findingLocation,
  findingPosition,
  indicatorCatalogue,
  reportResult,
  reportRule,
  localMessageId,
  locatedInReport,
  resultDocument,
  ruleCatalogue,
} from './result/report.js';
export { packScores, type ScoredRule } from './result/score.js';
export { cellPlaceText, parseCell, type CellPlace } from './result/cell.js';
export { MOST_FAILED_LIMIT, RATING_RULE, attentionRank, compareBriefs, digestBatch, formBrief } from './result/digest.js';
export type { BatchDigest, BatchTotals, DuplicateSubmission, FormBrief, RuleFailureCount } from './result/digest.js';
export type {
  CatalogueOptions,
  ReportBasis,
  ReportFinding,
  ReportIndicator,
  ReportIndicatorValue,
  ReportParameter,
  ReportResult,
  ReportRule,
  ResultDocument,
} from './result/report.js';
export { WaiverFileSchema, WaiverSchema, parseWaiverFile, waiverRefs } from './waivers/waivers.js';
export type { ParseWaiverOptions, Waiver, WaiverFile } from './waivers/waivers.js';
export { applyWaivers, waiverReport } from './waivers/apply.js';
export type { ApplyWaiversOptions, CheckWaivers, WaiverRef, WaiverReport } from './waivers/apply.js';
export {
  MONEY_UNITS,
  TEMPLATE_KINDS,
  TEMPLATE_VALUE_TYPES,
  TemplateFieldPathSchema,
  TemplateSchema,
  defineTemplate,
} from './template/schema.js';
export type { Template, TemplateField, TemplateInput, TemplateProse, TemplateTable, TemplateValueType } from './template/schema.js';
export { TemplateLoadError, formatTemplateIssue, templatePatterns, templateSemanticIssues } from './template/validate.js';
export type { TemplateIssue, TemplatePath } from './template/validate.js';
export { loadTemplateText, parseTemplateText } from './template/load.js';
export { PATTERN_INPUT_LIMIT, patternSafetyIssue } from './template/safe-pattern.js';
export {
  CrossFormRun,
  NARRATIVE_FIELDS,
  PASSAGE_LIMIT,
  checkCrossForm,
  differingFields,
  fieldChange,
  formRecord,
} from './engine/cross-form.js';
export type {
  BatchFacts,
  CrossFormDiagnostic,
  CrossFormFinding,
  CrossFormOptions,
  CrossFormResult,
  CrossFormRuleCount,
  FieldChange,
  FormRecord,
  LoadedForm,
  NarrativeMatch,
  RelatedForm,
} from './engine/cross-form.js';
export { crossFormReport } from './engine/cross-form-report.js';
export type { CrossFormReport, CrossFormReportFinding, CrossFormReportNote, CrossFormReviewNote } from './engine/cross-form-report.js';
export { joinForms, normalizeUnitCode, normalizeUnitName, unitIdentity } from './engine/identity.js';
export type { Join, JoinDiagnostic, JoinInput, UnitIdentity } from './engine/identity.js';
export { MODIFIED_Z_CONSTANT, PEER_MEASURES, peerStatistics, peerValues, standing } from './engine/peers.js';
export type { PeerMeasure, PeerStanding } from './engine/peers.js';
export { contextRequirements, ruleScope } from './engine/scope.js';
export type { RuleScope } from './engine/scope.js';
