/**
 * Reasoning text as compatible servers send it beside `content`: DeepSeek and vLLM (before 0.10)
 * in `reasoning_content`, OpenRouter and newer vLLM in `reasoning`. OpenAI itself sends none.
 * https://api-docs.deepseek.com/guides/reasoning_model
 * https://openrouter.ai/docs/use-cases/reasoning-tokens
 */
export function reasoningTextOf(message: object | null | undefined): string | undefined {
  if (!message) return undefined;
  const { reasoning_content: content, reasoning } = message as {
    reasoning_content?: unknown;
    reasoning?: unknown;
  };
  if (typeof content === 'string' && content) return content;
  if (typeof reasoning === 'string' && reasoning) return reasoning;
  return undefined;
}
