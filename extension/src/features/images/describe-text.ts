// The texts of "Describe Image": what the model is asked, and the document it writes into.
export const DESCRIBE_PROMPT =
  'Describe this image for a software developer. Say what it shows; transcribe any text, code or ' +
  'numbers in it; for a screenshot, name the UI elements and any error shown; for a diagram, explain ' +
  'its parts and how they connect. Answer in Markdown.';

export function descriptionHeader(fileName: string): string {
  return `# ${fileName.replace(/[\\`*_[\]#<>]/g, '\\$&')}\n\n`;
}
