/**
 * An explicit Jinja chat template in the "general" format (`### Human` / `### Assistant`), the
 * one node-llama-cpp's GeneralChatWrapper speaks. A random model has no format of its own; giving
 * it this one makes chat-wrapper resolution predictable, and the generation prompt ends with a
 * line feed, which is where a planted script starts (see `TinyScript.after`).
 */
export const GENERAL_CHAT_TEMPLATE =
  '{{ bos_token }}' +
  '{% for message in messages %}' +
  "{% if message['role'] == 'system' %}{{ message['content'] }}\n\n" +
  "{% elif message['role'] == 'user' %}### Human\n{{ message['content'] }}\n\n" +
  "{% elif message['role'] == 'assistant' %}### Assistant\n{{ message['content'] }}\n\n" +
  '{% endif %}' +
  '{% endfor %}' +
  '{% if add_generation_prompt %}### Assistant\n{% endif %}';
