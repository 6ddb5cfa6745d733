const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** What is wrong with a new username's form (whether it is taken is the database's to say). */
export function usernameFormProblem(username: string): string | null {
  return USERNAME.test(username)
    ? null
    : 'A username has 3–64 lower-case letters, digits, dots, dashes or underscores';
}
