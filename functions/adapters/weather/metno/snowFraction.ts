/**
 * The share of a period's precipitation that falls as snow, from MET Norway's symbol_code (compact has
 * no snowfall variable): "snow…" 1, "sleet…" ½, anything else 0. Without a symbol, temperature decides:
 * at or below 0 °C snow, above it rain; with neither, unknown (null).
 */
export function snowFraction(symbol: string | undefined, temperatureC: number | null): number | null {
  if (symbol) {
    if (symbol.includes('snow')) return 1;
    if (symbol.includes('sleet')) return 0.5;
    return 0;
  }
  if (temperatureC === null) return null;
  return temperatureC <= 0 ? 1 : 0;
}
