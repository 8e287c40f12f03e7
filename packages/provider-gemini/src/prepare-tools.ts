import { FunctionCallingConfigMode, type Tool, type ToolConfig } from '@google/genai';
import type { ToolChoice, ToolDefinition } from '@switchboard/core';

export interface GeminiTools {
  tools?: Tool[];
  toolConfig?: ToolConfig;
}

/**
 * Tools become one `functionDeclarations` tool; their JSON Schema goes in `parametersJsonSchema`,
 * which takes JSON Schema as is (unlike `parameters`, an OpenAPI subset). The choice maps to
 * `functionCallingConfig`: AUTO, NONE, or ANY (optionally limited to one function)
 * (https://ai.google.dev/gemini-api/docs/function-calling#function_calling_modes).
 */
export function prepareTools(
  tools: ToolDefinition[] | undefined,
  toolChoice: ToolChoice | undefined,
): GeminiTools {
  if (!tools?.length) return {};
  const declarations = tools.map((tool) => ({
    name: tool.name,
    ...(tool.description ? { description: tool.description } : {}),
    parametersJsonSchema: tool.parameters,
  }));
  const prepared: GeminiTools = { tools: [{ functionDeclarations: declarations }] };
  if (toolChoice !== undefined) prepared.toolConfig = { functionCallingConfig: callingConfig(toolChoice) };
  return prepared;
}

function callingConfig(choice: ToolChoice): NonNullable<ToolConfig['functionCallingConfig']> {
  switch (choice) {
    case 'auto':
      return { mode: FunctionCallingConfigMode.AUTO };
    case 'none':
      return { mode: FunctionCallingConfigMode.NONE };
    case 'required':
      return { mode: FunctionCallingConfigMode.ANY };
    default:
      return { mode: FunctionCallingConfigMode.ANY, allowedFunctionNames: [choice.name] };
  }
}
