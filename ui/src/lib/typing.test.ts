import { describe, expect, it } from 'vitest';
import { isTyping } from './typing';

describe('isTyping', () => {
  it('is true in text fields and list boxes, where plain keys are text', () => {
    for (const tag of ['input', 'textarea', 'select']) {
      expect(isTyping(document.createElement(tag)), tag).toBe(true);
    }
  });

  it('is false on buttons, the page and no target at all', () => {
    expect(isTyping(document.createElement('button'))).toBe(false);
    expect(isTyping(document.body)).toBe(false);
    expect(isTyping(null)).toBe(false);
    expect(isTyping(window)).toBe(false);
  });
});
