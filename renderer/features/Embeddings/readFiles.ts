// Renderer: reads the files a user picked as text (the File API; nothing leaves the page).

/** The name and text of each picked file, in order. */
export async function readPickedFiles(files: FileList | null): Promise<{ name: string; text: string }[]> {
  return Promise.all(Array.from(files ?? []).map(async (file) => ({ name: file.name, text: await file.text() })));
}
