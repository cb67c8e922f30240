// Runs in every test file (vitest setupFiles). A test that asserts nothing fails: a loop over an empty list,
// or a callback that never ran, cannot pass by accident. Scratch folders from tempDir() go after each file.
import { afterAll, beforeEach, expect } from "vitest";
import { removeTempDirs } from "./tmp.js";

beforeEach(() => {
  expect.hasAssertions();
});

// Registered before the test file's own hooks, so it runs after them (vitest runs after-hooks as a stack):
// a file's afterAll (e.g. stopping a cluster whose work dir is a tempDir) still finds its folders.
afterAll(() => {
  removeTempDirs();
});
