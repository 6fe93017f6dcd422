/**
 * The `rlg` command line. Commands are registered in ./commands/.
 */
export async function main( argv: string[] ): Promise< void > {
	process.stdout.write( `rlg: ${ argv.join( ' ' ) }\n` );
}
