/** Saves an exported file's content (audit.export answers the content; nothing is written by the app). */
export function downloadFile(file: { fileName: string; mimeType: string; content: string }): void {
  const a = window.document.createElement('a');
  a.href = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  a.download = file.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
