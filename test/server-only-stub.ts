// `server-only` throws outside React's server bundler; unit tests run the modules directly.
export {};
