/**
 * The files a reviewer drops or picks, folders walked, each named by its path inside what was dropped
 * (`submissions/unit-3.docx`). Hidden files and Office lock files (`~$form.docx`) are skipped, as the CLI does.
 */

export interface PickedFile {
  readonly name: string;
  readonly file: File;
}

function skipped(name: string): boolean {
  const base = name.split('/').at(-1) ?? name;
  return base.startsWith('.') || base.startsWith('~$');
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    reader.readEntries(resolve, reject);
  });
}

async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  const name = entry.fullPath.replace(/^\//, '');
  if (skipped(name)) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => {
      (entry as FileSystemFileEntry).file(resolve, reject);
    });
    out.push({ name, file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in batches (100 in Chromium) until it answers none.
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
    for (const child of batch.sort((a, b) => a.name.localeCompare(b.name))) await walk(child, out);
  }
}

/** Every file of a drop, folders included (entries must be taken before the drop event returns). */
export async function droppedFiles(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return pickedFiles(transfer.files);
  const out: PickedFile[] = [];
  for (const entry of entries) await walk(entry, out);
  return out;
}

/** Files from an `<input type=file>` (with `webkitdirectory`, each carries its path in the folder). */
export function pickedFiles(list: FileList | null): PickedFile[] {
  return [...(list ?? [])].map((file) => ({ name: file.webkitRelativePath === '' ? file.name : file.webkitRelativePath, file })).filter((f) => !skipped(f.name));
}
