import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs`, so relative times ("in 25 seconds") count down. */
export const useNow = (intervalMs = 1000) => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
};
