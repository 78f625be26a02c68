/**
 * MMLU (Hendrycks et al., 2021) as published on the Hugging Face hub as `cais/mmlu`: its 57 subject configs,
 * and where its rows are served. (The published scores are in published.ts: they are needed up front.)
 */

export const MMLU_DATASET = 'cais/mmlu';
export const ROWS_ENDPOINT = 'https://datasets-server.huggingface.co/rows';
/** The rows API serves at most this many rows per request. */
export const ROWS_PAGE = 100;

/** The dataset's subject configs (the "all" config holds them all, sorted by subject). */
export const SUBJECTS = [
  'abstract_algebra',
  'anatomy',
  'astronomy',
  'business_ethics',
  'clinical_knowledge',
  'college_biology',
  'college_chemistry',
  'college_computer_science',
  'college_mathematics',
  'college_medicine',
  'college_physics',
  'computer_security',
  'conceptual_physics',
  'econometrics',
  'electrical_engineering',
  'elementary_mathematics',
  'formal_logic',
  'global_facts',
  'high_school_biology',
  'high_school_chemistry',
  'high_school_computer_science',
  'high_school_european_history',
  'high_school_geography',
  'high_school_government_and_politics',
  'high_school_macroeconomics',
  'high_school_mathematics',
  'high_school_microeconomics',
  'high_school_physics',
  'high_school_psychology',
  'high_school_statistics',
  'high_school_us_history',
  'high_school_world_history',
  'human_aging',
  'human_sexuality',
  'international_law',
  'jurisprudence',
  'logical_fallacies',
  'machine_learning',
  'management',
  'marketing',
  'medical_genetics',
  'miscellaneous',
  'moral_disputes',
  'moral_scenarios',
  'nutrition',
  'philosophy',
  'prehistory',
  'professional_accounting',
  'professional_law',
  'professional_medicine',
  'professional_psychology',
  'public_relations',
  'security_studies',
  'sociology',
  'us_foreign_policy',
  'virology',
  'world_religions',
] as const;

export const isSubject = (s: string): boolean => (SUBJECTS as readonly string[]).includes(s);

/** "high_school_us_history" → "high school us history", as the standard MMLU prompt writes it. */
export function subjectWords(subject: string): string {
  return subject.replace(/_/g, ' ').trim();
}

export function rowsUrl(config: string, split: 'test' | 'dev', offset: number, length: number): string {
  const q = new URLSearchParams({
    dataset: MMLU_DATASET,
    config,
    split,
    offset: String(offset),
    length: String(length),
  });
  return `${ROWS_ENDPOINT}?${q.toString()}`;
}
