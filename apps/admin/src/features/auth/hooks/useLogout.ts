import { useState } from 'react';
import { useSession } from './session-context';

/** Ends the session (on the server too, when it answers); `loggingOut` meanwhile. */
export function useLogout() {
  const session = useSession();
  const [loggingOut, setLoggingOut] = useState(false);
  const logout = async () => {
    setLoggingOut(true);
    try {
      await session.logout();
    } finally {
      setLoggingOut(false);
    }
  };
  return { logout, loggingOut };
}
