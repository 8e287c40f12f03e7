import type { ToolChoice, ToolDefinition } from '@switchboard/core';
import type { ChatCompletionTool, ChatCompletionToolChoiceOption } from 'openai/resources/chat/completions';

/** Core's tool definitions and choice as Chat Completions `tools` and `tool_choice`. */
export function prepareTools(
  tools: readonly ToolDefinition[] | undefined,
  toolChoice: ToolChoice | undefined,
): { tools?: ChatCompletionTool[]; tool_choice?: ChatCompletionToolChoiceOption } {
  if (!tools?.length) return {};
  const prepared: ChatCompletionTool[] = tools.map((tool) => ({
    type: 'function',
    function: {
      name: tool.name,
      ...(tool.description ? { description: tool.description } : {}),
      parameters: tool.parameters,
    },
  }));
  if (toolChoice === undefined) return { tools: prepared };
  const choice: ChatCompletionToolChoiceOption =
    typeof toolChoice === 'string' ? toolChoice : { type: 'function', function: { name: toolChoice.name } };
  return { tools: prepared, tool_choice: choice };
}
