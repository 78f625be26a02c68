import { describe, expect, it } from 'vitest';
import { configProblem, jsonProblem, tokenizerFileOf, wasmProblem } from './checks';

const lib = 'https://libs.example/M.wasm';

describe('body checks', () => {
  it('recognises WebAssembly by its magic number', () => {
    expect(wasmProblem(lib, new Uint8Array([0, 0x61, 0x73, 0x6d]))).toBeNull();
    expect(wasmProblem(lib, new TextEncoder().encode('<!DO'))).toBe('M.wasm is not a WebAssembly file');
    expect(wasmProblem(lib, new Uint8Array([0]))).not.toBeNull();
  });
  it('wants a JSON object for the chat config and tokenizer.json', () => {
    expect(configProblem('{"model_type":"llama"}')).toBeNull();
    expect(configProblem('<html>')).toBe('mlc-chat-config.json is not valid JSON');
    expect(configProblem('null')).toBe('mlc-chat-config.json is not a JSON object');
    expect(jsonProblem('tokenizer.json', '[1]')).toBe('tokenizer.json is not a JSON object');
  });
  it('finds the tokenizer web-llm will read, preferring tokenizer.json', () => {
    expect(tokenizerFileOf('{"tokenizer_files":["tokenizer.model","tokenizer.json"]}')).toBe(
      'tokenizer.json',
    );
    expect(tokenizerFileOf('{"tokenizer_files":["tokenizer.model"]}')).toBe('tokenizer.model');
    expect(tokenizerFileOf('{"tokenizer_files":["vocab.txt"]}')).toBeNull();
    expect(tokenizerFileOf('{}')).toBeNull();
    expect(tokenizerFileOf('<html>')).toBeNull();
  });
});
