/**
 * Reads the dialog files of a directory (dialogs/ by default) and loads them; the file-system side of
 * src/dialog/load.ts, kept out of src/dialog so that the dialog core stays free of I/O.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DIALOG_FILES, loadDialogsFromFiles, type DialogFile, type DialogLoadResult } from '../dialog/load.js'

export async function loadDialogDir(dir = 'dialogs'): Promise<DialogLoadResult> {
  const files: DialogFile[] = []
  for (const { name } of Object.values(DIALOG_FILES)) {
    const path = join(dir, name)
    try {
      files.push({ path, text: await readFile(path, 'utf8') })
    } catch (err) {
      // A missing file is reported by the loader, with what it is for; other read errors are real failures.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
  }
  return loadDialogsFromFiles(files)
}
