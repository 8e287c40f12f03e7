// Checks what the user typed for "Download from Hugging Face…" before anything is downloaded, in
// the forms the llama.cpp provider's downloader (node-llama-cpp) accepts.

export type ModelUriCheck = { ok: true; uri: string } | { ok: false; message: string };

const NAME = '[A-Za-z0-9][\\w.-]*';
const REPO = new RegExp(`^(${NAME})/(${NAME})(?::([\\w.-]+))?$`);
const FILE = new RegExp(`^(${NAME})/(${NAME})/([^#]+\\.gguf)(#[\\w./-]+)?$`, 'i');
const USAGE = 'Use hf:user/repo:Q4_K_M, hf:user/repo/file.gguf, or an https:// link to a .gguf file.';

/**
 * `hf:user/repo`, `hf:user/repo:Q4_K_M`, `hf:user/repo/path/file.gguf[#branch]` or an http(s)
 * link. Hugging Face page links are turned into what downloads: a repo page into `hf:user/repo`,
 * a file page (`/blob/`) into its download link (`/resolve/`).
 */
export function parseModelUri(input: string): ModelUriCheck {
  const text = input.trim();
  if (text === '') return { ok: false, message: `Enter a model to download. ${USAGE}` };
  if (/\s/.test(text)) return { ok: false, message: 'A model URI has no spaces.' };
  const hf = /^(?:hf:\/\/|huggingface:\/\/|hf:)(.*)$/i.exec(text);
  if (hf) return parseHuggingFace(hf[1] ?? '');
  if (/^https?:\/\//i.test(text)) return parseLink(text);
  return { ok: false, message: USAGE };
}

function parseHuggingFace(body: string): ModelUriCheck {
  if (REPO.test(body)) return { ok: true, uri: `hf:${body}` };
  const file = FILE.exec(body);
  if (file && !file[3]!.split('/').some((segment) => segment === '' || segment === '..')) {
    return { ok: true, uri: `hf:${body}` };
  }
  return { ok: false, message: USAGE };
}

function parseLink(text: string): ModelUriCheck {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `That is not a valid link. ${USAGE}` };
  }
  if (url.hostname === 'huggingface.co' || url.hostname === 'www.huggingface.co') {
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts.length === 2) return parseHuggingFace(`${parts[0]}/${parts[1]}`);
    if (parts[2] === 'blob') {
      parts[2] = 'resolve';
      url.pathname = `/${parts.join('/')}`;
    }
  }
  return { ok: true, uri: url.toString() };
}
