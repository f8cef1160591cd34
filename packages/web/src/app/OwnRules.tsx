/** The reviewer's own rules: a pack (folder or .zip), a config, a waiver file; their problems with file and line. */
import { useRef, useState } from 'preact/hooks';
import { findPackFiles } from '../worker/pack-files.js';
import type { PackSource, SetupIssue, TextFile } from '../worker/protocol.js';
import { pickedFiles } from './files.js';
import type { Words } from './i18n.js';
import { asShown } from './shown.js';

export interface OwnRuleFiles {
  readonly packs: readonly (PackSource & { readonly label: string })[];
  readonly config?: TextFile;
  readonly waivers?: TextFile;
}

interface Props {
  readonly words: Words;
  readonly files: OwnRuleFiles;
  readonly issues: readonly SetupIssue[];
  readonly rules: number;
  readonly busy: boolean;
  readonly onChange: (files: OwnRuleFiles) => void;
  readonly onReset: () => void;
}

function Picker({ label, testId, accept, folder, onFiles }: { label: string; testId: string; accept?: string; folder?: boolean; onFiles: (files: FileList) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        data-testid={testId}
        accept={accept}
        {...(folder === true ? { webkitdirectory: true } : {})}
        onChange={(e) => {
          const list = e.currentTarget.files;
          if (list !== null && list.length > 0) onFiles(list);
          e.currentTarget.value = '';
        }}
      />
    </>
  );
}

async function textOf(list: FileList): Promise<TextFile | undefined> {
  const file = list[0];
  return file === undefined ? undefined : { name: file.name, text: await file.text() };
}

export function OwnRules({ words, files, issues, rules, busy, onChange, onReset }: Props) {
  // A folder picked that holds no pack.json: said here (the worker never sees it), until the next pick or reset.
  const [notAPack, setNotAPack] = useState<string | undefined>(undefined);
  const addPack = (pack: PackSource & { label: string }) => {
    setNotAPack(undefined);
    onChange({ ...files, packs: [...files.packs.filter((p) => p.label !== pack.label), pack] });
  };
  const loaded = [...files.packs.map((p) => p.label), files.config?.name, files.waivers?.name].filter((n): n is string => n !== undefined);
  return (
    <section aria-labelledby="own-heading" class="panel own">
      <h2 id="own-heading">{words.ownRules}</h2>
      <p class="hint">{words.ownRulesHelp}</p>
      <div class="actions">
        <Picker
          label={words.loadPack}
          testId="pick-pack-folder"
          folder
          onFiles={(list) => {
            const picked = pickedFiles(list);
            const byName = new Map(picked.map((p) => [p.name, p.file]));
            void findPackFiles([...byName.keys()], (name) => byName.get(name)?.text() ?? Promise.resolve('')).then((found) => {
              if (found !== undefined) addPack({ kind: 'files', label: found.manifest.name.replace(/\/?pack\.json$/, '') || 'pack', ...found });
              else setNotAPack(picked[0]?.name.split('/')[0] ?? list[0]?.name ?? '');
            });
          }}
        />
        <Picker
          label={words.loadPackZip}
          testId="pick-pack-zip"
          accept=".zip,application/zip"
          onFiles={(list) => {
            const file = list[0];
            if (file !== undefined) void file.arrayBuffer().then((bytes) => { addPack({ kind: 'zip', label: file.name, name: file.name, bytes }); });
          }}
        />
        <Picker label={words.loadConfig} testId="pick-config" accept=".json,application/json" onFiles={(list) => void textOf(list).then((config) => { if (config !== undefined) onChange({ ...files, config }); })} />
        <Picker label={words.loadWaivers} testId="pick-waivers" accept=".yaml,.yml,.json" onFiles={(list) => void textOf(list).then((waivers) => { if (waivers !== undefined) onChange({ ...files, waivers }); })} />
        {loaded.length === 0 && notAPack === undefined ? null : (
          <button type="button" onClick={() => { setNotAPack(undefined); onReset(); }}>
            {words.resetRules}
          </button>
        )}
      </div>
      <p aria-live="polite">
        {busy ? words.working : words.rulesActive(rules)}
        {loaded.length === 0 ? '' : ` · ${words.loaded}: ${loaded.join(', ')}`}
      </p>
      {issues.length === 0 && notAPack === undefined ? null : (
        <div role="alert">
          <h3>{words.setupIssues}</h3>
          <ul class="issues">
            {notAPack === undefined ? null : (
              <li class="error">
                <code>{asShown(words.noPackJson(notAPack))}</code>
              </li>
            )}
            {issues.map((i, n) => (
              <li key={n} class={i.level}>
                <code>{asShown(i.text)}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
