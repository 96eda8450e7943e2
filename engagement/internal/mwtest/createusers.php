<?php
// Creates the sample's accounts in one process: name, registration
// (YYYYMMDDHHMMSS or empty) and groups, read from a JSON file, and their
// newusers log entries, backdated to the registration (MediaWiki's own
// ManualLogEntry, as LocalUserCreated writes them).
// Usage: MW_CONFIG_FILE=... php createusers.php accounts.json dbname
require_once '/usr/share/mediawiki/maintenance/Maintenance.php';

class CreateSampleUsers extends Maintenance {
	public function __construct() {
		parent::__construct();
		$this->addArg( 'file', 'accounts.json' );
		$this->addArg( 'wiki', 'database name the accounts must exist on' );
	}

	public function execute() {
		$accounts = json_decode( file_get_contents( $this->getArg( 0 ) ), true );
		$wiki = $this->getArg( 1 );
		$services = MediaWiki\MediaWikiServices::getInstance();
		$groups = $services->getUserGroupManager();
		$dbw = wfGetDB( DB_PRIMARY );
		foreach ( $accounts as $a ) {
			if ( !in_array( $wiki, $a['wikis'] ) ) {
				continue;
			}
			$user = User::createNew( $a['name'] );
			if ( !$user ) {
				$this->fatalError( "could not create user {$a['name']}" );
			}
			foreach ( $a['groups'] as $g ) {
				$groups->addUserToGroup( $user, $g );
			}
			$reg = $a['registration'] === '' ? null : $a['registration'];
			$dbw->update( 'user', [ 'user_registration' => $reg ], [ 'user_id' => $user->getId() ], __METHOD__ );
		}
		foreach ( $accounts as $a ) {
			$log = $a['log'] ?? null;
			if ( !$log || $log['wiki'] !== $wiki ) {
				continue;
			}
			$user = User::newFromName( $a['name'] );
			$performer = User::newFromName( $log['performer'] );
			if ( !$user || !$user->getId() || !$performer || !$performer->getId() ) {
				$this->fatalError( "log entry of {$a['name']}: unknown user or performer {$log['performer']}" );
			}
			$entry = new ManualLogEntry( 'newusers', $log['action'] );
			$entry->setPerformer( $performer );
			$entry->setTarget( $user->getUserPage() );
			$entry->setParameters( [ '4::userid' => $user->getId() ] );
			$entry->setTimestamp( $log['timestamp'] );
			$entry->insert();
		}
		$this->output( count( $accounts ) . " accounts read\n" );
	}
}

$maintClass = CreateSampleUsers::class;
require_once RUN_MAINTENANCE_IF_MAIN;
