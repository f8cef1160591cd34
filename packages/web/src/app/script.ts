/**
 * Load a classic script beside the page (`export.js`, `worker-xlsx.js`; it also loads on a page opened from disk)
 * and resolve with what it registered (`registered` reads it; undefined: it did not).
 */
export function loadScript<T>(src: string, registered: () => T | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.addEventListener('load', () => {
      const value = registered();
      if (value === undefined) reject(new Error(`${src} did not register`));
      else resolve(value);
    });
    script.addEventListener('error', () => {
      reject(new Error(`${src} could not be loaded`));
    });
    document.head.append(script);
  });
}
