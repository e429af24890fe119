/** How a formula is looked up in the build-time MathML table. */
export const mathmlKey = (tex: string, display: boolean): string => `${display ? 'D' : 'I'}${tex}`;
