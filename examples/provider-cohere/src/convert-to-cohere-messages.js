// Core messages in Cohere v2 chat's shape (https://docs.cohere.com/reference/chat):
// system/user/assistant/tool roles; images as `image_url` parts whose url is a web URL or a
// base64 data URI (https://docs.cohere.com/docs/image-inputs); tool calls carry their arguments
// as a JSON string; each tool result is its own `tool` message tied by `tool_call_id`.

/** @typedef {import('@switchboard/core').Message} Message */

/**
 * @param {Message[]} messages
 * @returns {object[]}
 */
export function toCohereMessages(messages) {
  return messages.flatMap((message) => {
    switch (message.role) {
      case 'system':
        return [{ role: 'system', content: message.content }];
      case 'user':
        return [{ role: 'user', content: userContent(message.content) }];
      case 'assistant':
        return [assistantMessage(message.content)];
      case 'tool':
        return message.content.map((part) => ({
          role: 'tool',
          tool_call_id: part.toolCallId,
          content: typeof part.result === 'string' ? part.result : JSON.stringify(part.result),
        }));
      default:
        return [];
    }
  });
}

/** @param {Extract<Message, { role: 'user' }>['content']} content */
function userContent(content) {
  if (typeof content === 'string') return content;
  return content.map((part) =>
    part.type === 'text'
      ? { type: 'text', text: part.text }
      : {
          type: 'image_url',
          image_url: {
            url:
              part.image.kind === 'url'
                ? part.image.url
                : `data:${part.image.mimeType};base64,${Buffer.from(part.image.data).toString('base64')}`,
            ...(part.detail ? { detail: part.detail } : {}),
          },
        },
  );
}

/** @param {Extract<Message, { role: 'assistant' }>['content']} content */
function assistantMessage(content) {
  if (typeof content === 'string') return { role: 'assistant', content };
  const text = content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
  const toolCalls = content.flatMap((part) =>
    part.type === 'tool-call'
      ? [
          {
            id: part.id,
            type: 'function',
            function: { name: part.name, arguments: JSON.stringify(part.args) },
          },
        ]
      : [],
  );
  return {
    role: 'assistant',
    ...(text ? { content: text } : {}),
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
  };
}
