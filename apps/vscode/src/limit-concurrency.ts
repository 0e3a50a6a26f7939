/**
 * Runs at most `max` tasks at once, the rest in the order given: keeps a tree of many
 * stacks from firing a burst of requests at an API allowed 3,000 an hour.
 */
export function limitConcurrency(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    running--;
    queue.shift()?.();
  };
  return (task) =>
    new Promise((resolve, reject) => {
      const start = () => {
        running++;
        task().then(resolve, reject).finally(next);
      };
      if (running < max) start();
      else queue.push(start);
    });
}
